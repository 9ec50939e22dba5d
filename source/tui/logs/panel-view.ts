import type {LogsGeometry} from './layout.js';
import type {LogsState} from './state.js';
import {type Anchor, bottomAnchor, type RowContext, rowsFrom, settledAnchor, type ViewRow} from './view.js';
import {visibleList} from './visible.js';

/** Columns of the policy name: a fixed 20 when every policy is tailed; one policy's own name, up to 24. */
const allPoliciesWidth = 20;
const namedPolicyWidth = 24;
/** In a panel narrower than this (an 80-column terminal), one policy's tail leaves its name to the title: the message needs the room. */
const namedColumnFrom = 90;

/** How the panel's entries become rows now: the filter, the toggles, the search, the size. */
export function rowContext(logs: LogsState, geometry: Pick<LogsGeometry, 'columns' | 'rows'>): RowContext {
	const target = logs.request.target;
	const allPolicies = target.kind === 'all';
	const policyWidth =
		target.kind === 'all' ? allPoliciesWidth : geometry.columns < namedColumnFrom ? 0 : Math.min(namedPolicyWidth, Math.max(4, (target.kind === 'policy' ? target.name : target.query).length));
	return {
		list: visibleList(logs.ring, logs.filter),
		width: geometry.columns,
		height: geometry.rows,
		wrap: logs.wrap,
		...(logs.expanded === undefined ? {} : {expanded: logs.expanded}),
		line: {timestamps: logs.timestamps, allPolicies, policyWidth, ...(logs.search ? {search: logs.search} : {})},
	};
}

/** Where the view starts: the newest rows while following, else the kept anchor, made valid for what the list holds now. */
export function viewAnchor(logs: LogsState, context: RowContext): Anchor | undefined {
	return logs.follow ? bottomAnchor(context) : settledAnchor(logs.anchor, context);
}

/** The selected entry's index in the list: kept while paused (or the next one, when it went), the newest while following. */
export function cursorIndex(logs: LogsState, context: RowContext): number {
	if (logs.follow || logs.cursor === undefined) return context.list.length - 1;
	return Math.min(context.list.indexFrom(logs.cursor), context.list.length - 1);
}

export type PanelView = {rows: ViewRow[]; cursor?: number; context: RowContext};

/** The rows on screen, and which event is selected (none while following: the newest line needs no mark). */
export function panelView(logs: LogsState, geometry: Pick<LogsGeometry, 'columns' | 'rows'>): PanelView {
	const context = rowContext(logs, geometry);
	const rows = rowsFrom(viewAnchor(logs, context), context);
	const cursor = logs.follow ? undefined : context.list.at(cursorIndex(logs, context))?.seq;
	return {rows, ...(cursor === undefined ? {} : {cursor}), context};
}
