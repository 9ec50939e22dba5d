import type {LocalRow} from '../operations/local-folder.js';
import {type CompiledFilter, compileFilter} from './filter.js';
import {computeLayout, type Layout} from './layout.js';
import {naturalTableWidth} from './table-columns.js';
import type {State} from './store.js';
import {layoutTree, type TreeLayout, type VisibleNode, visibleNodes} from './tree/flatten.js';
import {rowTree} from './tree/policy-tree.js';

/*
 * Values computed from the state. Each keeps its last result, because the
 * reducer and the render ask for the same ones many times per key press.
 */

function remember<Inputs extends unknown[], Result>(compute: (...inputs: Inputs) => Result): (...inputs: Inputs) => Result {
	let last: {inputs: Inputs; result: Result} | undefined;
	return (...inputs) => {
		if (last && last.inputs.length === inputs.length && last.inputs.every((input, index) => Object.is(input, inputs[index]))) return last.result;
		const result = compute(...inputs);
		last = {inputs, result};
		return result;
	};
}

const compiled = remember((text: string): CompiledFilter => compileFilter(text));

/** What the filter matches against: the columns the user sees, plus the uid and "invalid". */
function rowSearchText(row: LocalRow): string {
	if (row.kind === 'file') return `${row.file} invalid`;
	return [row.name, row.status, row.type, row.mode, row.file, row.uid ?? '', row.problems.length > 0 ? 'invalid' : ''].join(' ');
}

const filtering = remember((rows: readonly LocalRow[], text: string): LocalRow[] => {
	const filter = compiled(text);
	return text === '' ? [...rows] : rows.filter(row => filter.test(rowSearchText(row)));
});

const noRows: LocalRow[] = [];

export function allRows(state: State): readonly LocalRow[] {
	return state.scan?.rows ?? noRows;
}

export function filteredRows(state: State): LocalRow[] {
	return filtering(allRows(state), state.filter.text);
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

export function selectedRow(state: State): LocalRow | undefined {
	return filteredRows(state)[selectedIndex(state)];
}

const tableWidths = remember((rows: readonly LocalRow[]): number => naturalTableWidth(rows));

const layouts = remember((columns: number, rows: number, filterBar: boolean, tableWidth: number): Layout => computeLayout({columns, rows}, {filterBar, tableWidth}));

export function layoutOf(state: State): Layout {
	return layouts(state.size.columns, state.size.rows, state.filter.editing || state.filter.text !== '', tableWidths(allRows(state)));
}

/** Collapsed branches are remembered per row: the set holds `rowId + separator + nodeKey`. */
const collapseSeparator = '\u0000';

export function collapseKey(row: LocalRow, nodeKey: string): string {
	return `${row.id}${collapseSeparator}${nodeKey}`;
}

export type DetailView = {nodes: VisibleNode[]; layout: TreeLayout};

const emptyDetail: DetailView = {nodes: [], layout: {lines: [], firstLineOf: []}};

const detailViews = remember((row: LocalRow | undefined, collapsed: ReadonlySet<string>, width: number): DetailView => {
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
