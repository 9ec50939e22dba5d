import {entryOf, entryText, type TailEvent} from './entry.js';
import {append} from './ring.js';
import type {LogsState} from './state.js';
import {extendFilter} from './visible.js';

/** New events into the panel: onto the ring while following, held (and counted) while paused. */
export function withArrivals(logs: LogsState, events: readonly TailEvent[]): LogsState {
	if (events.length === 0) return logs;
	const base = logs.ring.total + (logs.held?.ring.total ?? 0);
	const entries = events.map((event, index) => entryOf(event, base + index));
	if (logs.held) {
		const matching = logs.filter ? entries.filter(entry => logs.filter!.pattern.test(entryText(entry))).length : entries.length;
		return {...logs, held: {ring: append(logs.held.ring, entries), matching: logs.held.matching + matching}};
	}
	const ring = append(logs.ring, entries);
	return {...logs, ring, ...(logs.filter ? {filter: extendFilter(logs.filter, ring, entries)} : {})};
}
