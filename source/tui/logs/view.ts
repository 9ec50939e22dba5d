import {truncateSpans, wrapSpans} from '../text.js';
import {span, type Span} from '../tone.js';
import type {LogEntry} from './entry.js';
import {eventJson} from './json-lines.js';
import {type LineOptions, lineSpans} from './line-spans.js';
import type {VisibleList} from './visible.js';

/** The first row in view: row `row` of the entry with sequence number `seq` (an entry with its JSON, or wrapped, has several). */
export type Anchor = {seq: number; row: number};

/** How entries become rows in a panel of `width` columns and `height` rows. */
export type RowContext = {
	list: VisibleList;
	width: number;
	height: number;
	wrap: boolean;
	expanded?: number;
	line: LineOptions;
};

export type ViewRow = {entry: LogEntry; spans: Span[]; json: boolean};

const jsonIndent = '  ';

/** The rows of one entry: its line, cut or wrapped, then its JSON when expanded. */
function entryRows(entry: LogEntry, context: RowContext): ViewRow[] {
	const line = lineSpans(entry, context.line);
	const rows = fitted(line, context).map(spans => ({entry, spans, json: false}));
	if (context.expanded !== entry.seq) return rows;
	for (const json of eventJson(entry)) {
		for (const spans of fitted([span(jsonIndent), ...json], context)) rows.push({entry, spans, json: true});
	}
	return rows;
}

/**
 * Wrapped, or cut here rather than by Ink: Ink cuts a line too long for its
 * box by slicing its colour codes, which cost most of a frame when every line
 * of a streaming log is new.
 */
function fitted(line: Span[], context: RowContext): Span[][] {
	return context.wrap ? wrapSpans(line, context.width) : [truncateSpans(line, context.width)];
}

/** Rows the entry at `index` takes. */
export function heightOf(index: number, context: RowContext): number {
	const entry = context.list.at(index);
	return entry ? entryRows(entry, context).length : 0;
}

/** The anchor that puts the last row of entry `index` at the bottom of the panel (or its first row at the top, when taller). */
export function anchorEndingAt(index: number, context: RowContext): Anchor | undefined {
	let rows = 0;
	for (let current = index; current >= 0; current--) {
		const entry = context.list.at(current)!;
		rows += heightOf(current, context);
		if (rows >= context.height) return {seq: entry.seq, row: current === index && rows > context.height ? 0 : rows - context.height};
	}
	const first = context.list.at(0);
	return first ? {seq: first.seq, row: 0} : undefined;
}

/** The newest rows: where a following panel is. */
export function bottomAnchor(context: RowContext): Anchor | undefined {
	return anchorEndingAt(context.list.length - 1, context);
}

/**
 * An anchor that still points into the list: an entry that fell out or was
 * filtered away gives way to the next one, and a window that would show
 * blank rows past the newest entry moves up to the bottom.
 */
export function settledAnchor(anchor: Anchor | undefined, context: RowContext): Anchor | undefined {
	if (!anchor) return bottomAnchor(context);
	const index = context.list.indexFrom(anchor.seq);
	const entry = context.list.at(index);
	if (!entry) return bottomAnchor(context);
	const row = entry.seq === anchor.seq ? Math.min(anchor.row, heightOf(index, context) - 1) : 0;
	let rows = -row;
	for (let current = index; current < context.list.length && rows < context.height; current++) rows += heightOf(current, context);
	if (rows >= context.height) return {seq: entry.seq, row};
	return bottomAnchor(context);
}

/** The rows in view from `anchor`: only the entries that show are laid out. */
export function rowsFrom(anchor: Anchor | undefined, context: RowContext): ViewRow[] {
	if (!anchor) return [];
	const rows: ViewRow[] = [];
	let skip = anchor.row;
	for (let index = context.list.indexFrom(anchor.seq); index < context.list.length && rows.length < context.height; index++) {
		const entryRowsHere = entryRows(context.list.at(index)!, context);
		rows.push(...entryRowsHere.slice(skip, skip + context.height - rows.length));
		skip = 0;
	}
	return rows;
}

/** Rows from the top of the view to the first row of entry `index`: negative when it starts above. */
export function offsetOf(index: number, anchor: Anchor, context: RowContext): number {
	const anchorIndex = context.list.indexFrom(anchor.seq);
	let rows = 0;
	if (index >= anchorIndex) {
		for (let current = anchorIndex; current < index; current++) rows += heightOf(current, context);
		return rows - anchor.row;
	}
	for (let current = index; current < anchorIndex; current++) rows += heightOf(current, context);
	return -(rows + anchor.row);
}

/** The anchor after moving the selection to entry `index`: scrolled as little as possible to show it whole, or its first rows when taller than the panel. */
export function anchorShowing(index: number, anchor: Anchor | undefined, context: RowContext): Anchor | undefined {
	const entry = context.list.at(index);
	if (!entry) return anchor;
	if (!anchor) return anchorEndingAt(index, context);
	const offset = offsetOf(index, anchor, context);
	const height = heightOf(index, context);
	if (offset < 0 || height >= context.height) return offset < 0 || offset + height > context.height ? {seq: entry.seq, row: 0} : anchor;
	return offset + height > context.height ? anchorEndingAt(index, context) : anchor;
}

/** One row further down (`1`) or up (`-1`), across entry boundaries. */
export function scrolledAnchor(anchor: Anchor, by: 1 | -1, context: RowContext): Anchor {
	const index = context.list.indexFrom(anchor.seq);
	if (by === 1) {
		if (anchor.row + 1 < heightOf(index, context)) return {seq: anchor.seq, row: anchor.row + 1};
		const next = context.list.at(index + 1);
		return next ? {seq: next.seq, row: 0} : anchor;
	}
	if (anchor.row > 0) return {seq: anchor.seq, row: anchor.row - 1};
	const previous = context.list.at(index - 1);
	return previous ? {seq: previous.seq, row: heightOf(index - 1, context) - 1} : anchor;
}
