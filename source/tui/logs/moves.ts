import {flash, type State} from '../store.js';
import {paused} from './follow.js';
import {logsGeometry} from './layout.js';
import {cursorIndex, rowContext, viewAnchor} from './panel-view.js';
import {findMatch} from './search-moves.js';
import type {LogsState} from './state.js';
import {anchorEndingAt, anchorShowing, heightOf, offsetOf, type RowContext, scrolledAnchor} from './view.js';

/** Selects entry `index` and scrolls as little as needed to show it. */
export function select(logs: LogsState, index: number, context: RowContext): LogsState {
	const seq = context.list.at(index)?.seq;
	if (seq === undefined) return logs;
	const anchor = anchorShowing(index, viewAnchor(logs, context), context);
	return {...logs, cursor: seq, ...(anchor ? {anchor} : {})};
}

/** Down one: the rest of a tall selected entry scrolls into view first, a row at a time; then the next entry is selected. */
export function stepDown(logs: LogsState, context: RowContext): LogsState {
	const anchor = viewAnchor(logs, context);
	const index = cursorIndex(logs, context);
	if (!anchor || index < 0) return logs;
	const entry = context.list.at(index)!;
	if (offsetOf(index, anchor, context) + heightOf(index, context) > context.height) return {...logs, anchor: scrolledAnchor(anchor, 1, context)};
	return index + 1 < context.list.length ? select(logs, index + 1, context) : {...logs, cursor: entry.seq};
}

/** Up one: a selected entry that starts above the view scrolls down a row at a time; then the one before is selected, its end in view. */
export function stepUp(logs: LogsState, context: RowContext): LogsState {
	const anchor = viewAnchor(logs, context);
	const index = cursorIndex(logs, context);
	if (!anchor || index < 0) return logs;
	if (anchor.seq === context.list.at(index)!.seq && anchor.row > 0) return {...logs, anchor: scrolledAnchor(anchor, -1, context)};
	if (index === 0) return logs;
	const previous = context.list.at(index - 1)!;
	const offset = offsetOf(index - 1, anchor, context);
	const height = heightOf(index - 1, context);
	// Its end is in view already: only the selection moves.
	if (offset < 0 && offset + height > 0) return {...logs, cursor: previous.seq};
	// Going up into an entry taller than the panel shows its end, nearest to where the eye was.
	if (height > context.height) return {...logs, cursor: previous.seq, anchor: anchorEndingAt(index - 1, context) ?? anchor};
	return select(logs, index - 1, context);
}

/** n and N: the next or previous line the search matches; past the end, round to the other end. */
export function jumpToMatch(state: State, direction: 1 | -1): State {
	const logs = state.logs!;
	const context = rowContext(logs, logsGeometry(state));
	if (!logs.search) return state;
	const found = findMatch(context.list, logs.search, cursorIndex(logs, context), direction);
	if (!found) return flash(state, 'warn', `no line matches /${logs.search.text}/`);
	const next = {...state, logs: select(paused(logs, context), found.index, context)};
	return found.wrapped ? flash(next, 'info', direction === 1 ? 'search hit the bottom, continued at the top' : 'search hit the top, continued at the bottom') : next;
}
