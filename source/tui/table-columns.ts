import type {Row} from './server-rows.js';
import {formatAge} from './server-rows.js';
import {fit} from './text.js';
import {span, type Span} from './tone.js';

export type Column = {title: string; width: number; cell: (row: Row) => Span};

/** Which table a list shows: policy files offline, or the API's policies. */
export type TableKind = 'folder' | 'api';

/** Columns start with a two-character marker: ✗ for a row with problems, * for a draft, ! for a draft the server has moved past. */
const markerWidth = 2;
const columnGap = 2;

const invalidStatus = 'Invalid';

type ColumnDefinition = {title: string; text: (row: Row, now: number) => string; tone?: (row: Row) => Span['tone']};

const statusText = (row: Row) => (row.kind === 'file' ? invalidStatus : row.status);

const columns = {
	uid: {title: 'UID', text: row => (row.kind === 'file' ? '-' : (row.uid ?? '-')), tone: () => 'muted'},
	name: {title: 'NAME', text: row => (row.kind === 'file' ? '(unreadable file)' : row.name), tone: row => (row.kind === 'file' ? 'error' : undefined)},
	status: {title: 'STATUS', text: statusText, tone: row => `status:${statusText(row)}`},
	type: {title: 'TYPE', text: row => (row.kind === 'file' ? '-' : row.type)},
	mode: {title: 'MODE', text: row => (row.kind === 'file' ? '-' : row.mode)},
	version: {title: 'VERSION', text: row => (row.kind === 'server' && row.version !== undefined ? String(row.version) : '-')},
	age: {title: 'AGE', text: (row, now) => (row.kind === 'server' && row.created !== undefined ? formatAge(now - row.created) : '-'), tone: () => 'muted'},
	file: {title: 'FILE', text: row => (row.kind === 'server' ? '' : row.file), tone: () => 'muted'},
} satisfies Record<string, ColumnDefinition>;

type ColumnName = keyof typeof columns;

const columnsOf: Record<TableKind, ColumnName[]> = {
	folder: ['name', 'status', 'type', 'mode', 'file'],
	api: ['uid', 'name', 'status', 'type', 'mode', 'version', 'age'],
};

function widest(name: ColumnName, rows: readonly Row[], now: number): number {
	const definition: ColumnDefinition = columns[name];
	return Math.max(definition.title.length, ...rows.map(row => definition.text(row, now).length));
}

/** Below this, NAME (and FILE) are too cut to read, so narrower columns give way first. */
const minimumFlexible = 24;

/**
 * The columns of a `kind` table for `width` columns. Fixed columns are as wide
 * as their longest value in all rows (not just the visible ones, so scrolling
 * does not shift them); NAME (and FILE, offline) share the rest. When too
 * narrow, columns are dropped: offline MODE then TYPE then FILE; for the API,
 * UID then AGE then TYPE then VERSION, since the detail pane repeats them.
 */
export function tableColumns(rows: readonly Row[], width: number, kind: TableKind = 'folder', now = 0): Column[] {
	return kind === 'folder' ? folderColumns(rows, width) : apiColumns(rows, width, now);
}

function folderColumns(rows: readonly Row[], width: number): Column[] {
	const fixed: ColumnName[] = ['status', 'type', 'mode'];
	const fixedWidth = () => fixed.reduce((sum, name) => sum + widest(name, rows, 0) + columnGap, 0);
	// NAME, the fixed columns and FILE, each followed by a gap except the last.
	let flexible = width - markerWidth - fixedWidth() - columnGap;
	while (flexible < minimumFlexible && fixed.length > 1) {
		fixed.pop();
		flexible = width - markerWidth - fixedWidth() - columnGap;
	}
	const longestName = widest('name', rows, 0);
	let nameWidth = Math.min(longestName, Math.max(10, Math.ceil(flexible * 0.6)));
	let fileWidth = flexible - nameWidth;
	if (fileWidth < 6) {
		nameWidth = flexible + columnGap;
		fileWidth = 0;
	}
	const result: Column[] = [column('name', nameWidth, 0)];
	for (const name of fixed) result.push(column(name, widest(name, rows, 0), 0));
	if (fileWidth > 0) result.push(column('file', fileWidth, 0));
	return result;
}

const apiDropOrder: ColumnName[] = ['uid', 'age', 'type', 'version'];

function apiColumns(rows: readonly Row[], width: number, now: number): Column[] {
	let shown = columnsOf.api;
	// What is left for NAME once the other shown columns and their gaps are counted.
	const room = () => width - markerWidth - shown.filter(name => name !== 'name').reduce((sum, name) => sum + widest(name, rows, now) + columnGap, 0);
	const wanted = Math.min(minimumFlexible, widest('name', rows, now));
	for (const name of apiDropOrder) {
		if (room() >= wanted) break;
		shown = shown.filter(candidate => candidate !== name);
	}
	// NAME takes all that is left, so every row spans the panel and the cursor bar with it.
	const nameWidth = Math.max(4, room());
	return shown.map(name => column(name, name === 'name' ? nameWidth : widest(name, rows, now), now));
}

function column(name: ColumnName, width: number, now: number): Column {
	const definition: ColumnDefinition = columns[name];
	return {title: definition.title, width, cell: row => span(fit(definition.text(row, now), width), definition.tone?.(row))};
}

function marker(row: Row): Span {
	if (row.kind === 'server') {
		if (row.stale) return span('! ', 'error');
		return row.draft ? span('* ', 'warn') : span('  ');
	}
	return row.problems.length > 0 ? span('✗ ', 'error') : span('  ');
}

/** A row as spans: marker, then each cell, separated by gaps. */
export function rowSpans(row: Row, table: readonly Column[]): Span[] {
	const spans: Span[] = [marker(row)];
	for (const [index, {cell}] of table.entries()) {
		if (index > 0) spans.push(span(' '.repeat(columnGap)));
		spans.push(cell(row));
	}
	return spans;
}

export function headerSpans(table: readonly Column[]): Span[] {
	return [span(' '.repeat(markerWidth)), span(table.map(({title, width}) => fit(title, width)).join(' '.repeat(columnGap)), 'key')];
}

/** How wide the table is with no column cut: what the list panel would like to have. */
export function naturalTableWidth(rows: readonly Row[], kind: TableKind = 'folder', now = 0): number {
	const names = columnsOf[kind];
	return markerWidth + names.reduce((sum, name) => sum + widest(name, rows, now), 0) + columnGap * (names.length - 1);
}
