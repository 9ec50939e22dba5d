export type Size = {columns: number; rows: number};
export type Rect = {width: number; height: number};

export type Layout = {
	arrangement: 'side-by-side' | 'stacked';
	/** Whole frame: one row short of the terminal (see below). */
	frame: Rect;
	/** The line under the header for the `/` filter or the `:` command line. */
	filterBar: boolean;
	/** Lines of the flash message: one, or up to three for an error that needs them. */
	flashRows: number;
	list: Rect;
	detail: Rect;
	/** Table rows that fit in the list panel, below its column header. */
	listRows: number;
	/** Tree rows and columns that fit in the detail panel. */
	detailRows: number;
	detailColumns: number;
	/** Rows of the help and YAML views, which take the place of both panels. */
	overlayRows: number;
	/** Scrolling rows of a dialog, which also takes their place: its button row and a blank line come off. */
	dialogRows: number;
};

/** From this width the panels sit side by side; below it they are stacked. */
const sideBySideColumns = 120;

/** Panels draw a border on each side and a space inside it. */
export const panelChrome = {rows: 2, columns: 4};

const minimumPanelHeight = 4;

/**
 * Ink clears and repaints the whole terminal for every frame that is as tall as
 * the terminal, which flickers (tmux drops the synchronized-output markers), so
 * the frame keeps its last row free.
 */
export function computeLayout(size: Size, options: {filterBar: boolean; tableWidth?: number; flashRows?: number; listShare?: number}): Layout {
	const columns = Math.max(20, size.columns);
	const height = Math.max(8, size.rows - 1);
	// Header, flash lines and hint bar, plus the filter line while it is shown.
	const chrome = 2 + (options.flashRows ?? 1) + (options.filterBar ? 1 : 0);
	const body = Math.max(2 * minimumPanelHeight, height - chrome);
	let list: Rect;
	let detail: Rect;
	let arrangement: Layout['arrangement'];
	if (columns >= sideBySideColumns) {
		arrangement = 'side-by-side';
		// The list takes what its table needs, within bounds, and the tree gets the rest.
		const wanted = (options.tableWidth ?? columns) + panelChrome.columns;
		const listWidth = Math.min(Math.round(columns * (options.listShare ?? 0.5)), Math.max(50, wanted));
		list = {width: listWidth, height: body};
		detail = {width: columns - listWidth, height: body};
	} else {
		arrangement = 'stacked';
		const listHeight = Math.min(body - minimumPanelHeight, Math.max(minimumPanelHeight + 1, Math.round(body * 0.45)));
		list = {width: columns, height: listHeight};
		detail = {width: columns, height: body - listHeight};
	}
	return {
		arrangement,
		frame: {width: columns, height},
		filterBar: options.filterBar,
		flashRows: options.flashRows ?? 1,
		list,
		detail,
		// The list panel also holds the column header row.
		listRows: Math.max(1, list.height - panelChrome.rows - 1),
		detailRows: Math.max(1, detail.height - panelChrome.rows),
		detailColumns: Math.max(10, detail.width - panelChrome.columns),
		overlayRows: Math.max(1, body - panelChrome.rows),
		dialogRows: Math.max(1, body - panelChrome.rows - 2),
	};
}
