import type {LocalRow} from '../operations/local-folder.js';
import {fit} from './text.js';
import {span, type Span} from './tone.js';

export type Column = {title: string; width: number; cell: (row: LocalRow) => Span};

/** Columns start with a two-character marker: ✗ for a row with problems. */
const markerWidth = 2;
const columnGap = 2;

const invalidStatus = 'Invalid';

const columns = {
	name: {title: 'NAME', text: (row: LocalRow) => (row.kind === 'policy' ? row.name : '(unreadable file)')},
	status: {title: 'STATUS', text: (row: LocalRow) => (row.kind === 'policy' ? row.status : invalidStatus)},
	type: {title: 'TYPE', text: (row: LocalRow) => (row.kind === 'policy' ? row.type : '-')},
	mode: {title: 'MODE', text: (row: LocalRow) => (row.kind === 'policy' ? row.mode : '-')},
	file: {title: 'FILE', text: (row: LocalRow) => row.file},
};

type ColumnName = keyof typeof columns;

function widest(name: ColumnName, rows: readonly LocalRow[]): number {
	return Math.max(columns[name].title.length, ...rows.map(row => columns[name].text(row).length));
}

/** Below this, NAME and FILE are too cut to read, so narrower columns give way first. */
const minimumFlexible = 24;

/**
 * NAME STATUS TYPE MODE FILE for `width` columns. STATUS, TYPE and MODE are as
 * wide as their longest value in all rows (not just the visible ones, so
 * scrolling does not shift them); NAME and FILE share the rest. When too
 * narrow, MODE, then TYPE, then FILE are dropped.
 */
export function tableColumns(rows: readonly LocalRow[], width: number): Column[] {
	const fixed: ColumnName[] = ['status', 'type', 'mode'];
	const fixedWidth = () => fixed.reduce((sum, name) => sum + widest(name, rows) + columnGap, 0);
	// NAME, the fixed columns and FILE, each followed by a gap except the last.
	let flexible = width - markerWidth - fixedWidth() - columnGap;
	while (flexible < minimumFlexible && fixed.length > 1) {
		fixed.pop();
		flexible = width - markerWidth - fixedWidth() - columnGap;
	}
	const longestName = widest('name', rows);
	let nameWidth = Math.min(longestName, Math.max(10, Math.ceil(flexible * 0.6)));
	let fileWidth = flexible - nameWidth;
	if (fileWidth < 6) {
		nameWidth = flexible + columnGap;
		fileWidth = 0;
	}
	const result: Column[] = [column('name', nameWidth, row => (row.kind === 'policy' ? undefined : 'error'))];
	for (const name of fixed) {
		result.push(column(name, widest(name, rows), name === 'status' ? row => `status:${row.kind === 'policy' ? row.status : invalidStatus}` : undefined));
	}
	if (fileWidth > 0) result.push(column('file', fileWidth, () => 'muted'));
	return result;
}

function column(name: ColumnName, width: number, tone?: (row: LocalRow) => Span['tone']): Column {
	return {title: columns[name].title, width, cell: row => span(fit(columns[name].text(row), width), tone?.(row))};
}

/** A row as spans: marker, then each cell, separated by gaps. */
export function rowSpans(row: LocalRow, table: readonly Column[]): Span[] {
	const spans: Span[] = [row.problems.length > 0 ? span('✗ ', 'error') : span('  ')];
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
export function naturalTableWidth(rows: readonly LocalRow[]): number {
	const names = Object.keys(columns) as ColumnName[];
	return markerWidth + names.reduce((sum, name) => sum + widest(name, rows), 0) + columnGap * (names.length - 1);
}
