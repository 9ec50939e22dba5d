import type {ServerPolicy} from '../api/policy-records.js';
import type {Draft} from '../operations/drafts.js';
import {type CompiledFilter, compileFilter} from './filter.js';
import {helpLines} from './help-content.js';
import {computeLayout, type Layout} from './layout.js';
import {remember} from './remember.js';
import {type Row, serverRow, type ServerRow} from './server-rows.js';
import {naturalTableWidth, type TableKind} from './table-columns.js';
import type {Flash, State} from './store.js';
import {truncateSpans, wrapSpans} from './text.js';
import {span, type Span} from './tone.js';
import {layoutTree, type TreeLayout, type VisibleNode, visibleNodes} from './tree/flatten.js';
import {rowTree} from './tree/policy-tree.js';
import {yamlLines} from './yaml-lines.js';

/*
 * Values computed from the state. Each keeps its last result, because the
 * reducer and the render ask for the same ones many times per key press.
 */

const compiled = remember((text: string): CompiledFilter => compileFilter(text));

/** What the filter matches against: the columns the user sees, plus the uid, "invalid" and "draft". */
function rowSearchText(row: Row): string {
	if (row.kind === 'file') return `${row.file} invalid`;
	if (row.kind === 'server') return [row.uid, row.name, row.status, row.type, row.mode, row.draft ? 'draft' : ''].join(' ');
	return [row.name, row.status, row.type, row.mode, row.file, row.uid ?? '', row.problems.length > 0 ? 'invalid' : ''].join(' ');
}

const filtering = remember((rows: readonly Row[], text: string, type: string | undefined): Row[] => {
	const filter = compiled(text);
	const ofType = type === undefined ? rows : rows.filter(row => row.kind !== 'file' && row.type === type);
	return text === '' ? [...ofType] : ofType.filter(row => filter.test(rowSearchText(row)));
});

const noRows: Row[] = [];

const listingRows = remember((policies: readonly ServerPolicy[], drafts: ReadonlyMap<string, Draft>): ServerRow[] => policies.map(policy => serverRow(policy, drafts.get(policy.uid))));

export function allRows(state: State): readonly Row[] {
	if (state.origin.kind === 'folder') return state.scan?.rows ?? noRows;
	return state.listing ? listingRows(state.listing.policies, state.drafts) : noRows;
}

export function tableKind(state: State): TableKind {
	return state.origin.kind;
}

/** When the list was taken, in epoch seconds: the AGE column counts from it. */
export function listedAt(state: State): number {
	return state.listing?.at ?? 0;
}

export function filteredRows(state: State): Row[] {
	return filtering(allRows(state), state.filter.text, state.typeFilter);
}

export function filterError(state: State): string | undefined {
	return compiled(state.filter.text).error;
}

/** Index of the selected row among the filtered rows; -1 when the list is empty. */
export function selectedIndex(state: State): number {
	const rows = filteredRows(state);
	if (rows.length === 0) return -1;
	const index = rows.findIndex(row => row.id === state.list.selectedId);
	return index === -1 ? 0 : index;
}

export function selectedRow(state: State): Row | undefined {
	return filteredRows(state)[selectedIndex(state)];
}

/** The listed server policy with this uid, as a row (with its draft). */
export function serverRowOf(state: State, uid: string): ServerRow | undefined {
	return allRows(state).find((row): row is ServerRow => row.kind === 'server' && row.uid === uid);
}

const tableWidths = remember((rows: readonly Row[], kind: TableKind, now: number): number => naturalTableWidth(rows, kind, now));

/** The API table has more columns (UID, VERSION, AGE) than the folder's, so its panel may take a little more of a wide screen. */
const listShares: Record<TableKind, number> = {folder: 0.5, api: 0.55};

const layouts = remember(
	(columns: number, rows: number, filterBar: boolean, tableWidth: number, flashRows: number, kind: TableKind): Layout =>
		computeLayout({columns, rows}, {filterBar, tableWidth, flashRows, listShare: listShares[kind]}),
);

export function layoutOf(state: State): Layout {
	const bar = state.prompt !== undefined || state.filter.editing || state.filter.text !== '';
	return layouts(state.size.columns, state.size.rows, bar, tableWidths(allRows(state), tableKind(state), listedAt(state)), flashLines(state).length, tableKind(state));
}

const flashMarks = {info: 'ℹ', warn: '!', error: '✗'} as const;

/** Errors and warnings longer than a line wrap onto up to three, so their field path and advice are read whole; news takes one. */
const maximumFlashRows = 3;

const flashLayouts = remember((flash: Flash | undefined, width: number): Span[][] => {
	if (!flash) return [[span(' ')]];
	const line = [span(`${flashMarks[flash.level]} ${flash.text}`, flash.level)];
	if (flash.level === 'info') return [truncateSpans(line, width)];
	const lines = wrapSpans(line, width);
	if (lines.length <= maximumFlashRows) return lines;
	const kept = lines.slice(0, maximumFlashRows);
	const last = kept.at(-1) ?? [];
	kept[maximumFlashRows - 1] = truncateSpans([...last, span(' …')], width);
	return kept;
});

/** The flash line(s), already fitted to the width. */
export function flashLines(state: State): Span[][] {
	return flashLayouts(state.flash, Math.max(20, state.size.columns));
}

/** Collapsed branches are remembered per row: the set holds `rowId + separator + nodeKey`. */
const collapseSeparator = '\u0000';

export function collapseKey(row: Row, nodeKey: string): string {
	return `${row.id}${collapseSeparator}${nodeKey}`;
}

export type DetailView = {nodes: VisibleNode[]; layout: TreeLayout};

const emptyDetail: DetailView = {nodes: [], layout: {lines: [], firstLineOf: []}};

const detailViews = remember((row: Row | undefined, collapsed: ReadonlySet<string>, width: number): DetailView => {
	if (!row) return emptyDetail;
	const nodes = visibleNodes(rowTree(row), key => !collapsed.has(collapseKey(row, key)));
	return {nodes, layout: layoutTree(nodes, width)};
});

export function detailView(state: State): DetailView {
	return detailViews(selectedRow(state), state.detail.collapsed, layoutOf(state).detailColumns);
}

/**
 * Where the tree cursor is. It is stored as a node key, so it survives folding
 * and reloads; if its node is hidden, the nearest visible ancestor takes it.
 */
export function detailCursorIndex(state: State): number {
	const {nodes} = detailView(state);
	if (nodes.length === 0) return -1;
	const key = state.detail.cursorKey;
	if (key === undefined) return 0;
	let best = -1;
	let bestLength = -1;
	for (const [index, visible] of nodes.entries()) {
		const candidate = visible.node.key;
		if (candidate === key) return index;
		if (key.startsWith(`${candidate}/`) && candidate.length > bestLength) {
			best = index;
			bestLength = candidate.length;
		}
	}
	return Math.max(0, best);
}

export function detailCursor(state: State): VisibleNode | undefined {
	return detailView(state).nodes[detailCursorIndex(state)];
}

const noLines: Span[][] = [];

/** The lines of the open help or YAML view. */
export function overlayLines(state: State): readonly Span[][] {
	// The overlay panel's inside: its border and padding take four columns.
	if (state.overlay?.kind === 'help') return helpLines(state.bindings, layoutOf(state).frame.width - 4);
	if (state.overlay?.kind === 'yaml') {
		const row = selectedRow(state);
		return row && row.kind !== 'file' ? yamlLines(row.value) : noLines;
	}
	return noLines;
}
