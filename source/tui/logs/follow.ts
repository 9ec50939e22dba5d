import type {RowContext} from './view.js';
import {bottomAnchor} from './view.js';
import {concatRings, emptyRing, ringItems} from './ring.js';
import type {LogsState} from './state.js';
import {extendFilter} from './visible.js';

/**
 * Stops following where the view is: the newest rows stay on screen with the
 * newest event selected, and what arrives from now on is held and counted.
 */
export function paused(logs: LogsState, context: RowContext): LogsState {
	if (!logs.follow) return logs;
	const anchor = bottomAnchor(context);
	const cursor = context.list.at(context.list.length - 1)?.seq;
	return {
		...logs,
		follow: false,
		held: {ring: emptyRing(logs.ring.capacity), matching: 0},
		...(anchor ? {anchor} : {}),
		...(cursor === undefined ? {} : {cursor}),
	};
}

/** Follows again: the held events join the ring, and the view goes to the newest. */
export function following(logs: LogsState): LogsState {
	if (logs.follow) return logs;
	const {anchor: _anchor, cursor: _cursor, held, ...rest} = logs;
	if (!held) return {...rest, follow: true};
	const ring = concatRings(logs.ring, held.ring);
	return {...rest, follow: true, ring, ...(logs.filter ? {filter: extendFilter(logs.filter, ring, ringItems(held.ring))} : {})};
}
