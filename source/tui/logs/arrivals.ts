import {entriesOf, entryText, type LogEntry, type TailBatch} from './entry.js';
import {append} from './ring.js';
import type {LogsState} from './state.js';
import {extendFilter} from './visible.js';

/** New events into the panel: onto the ring while following, held (and counted) while paused. */
export function withArrivals(logs: LogsState, batches: readonly TailBatch[]): LogsState {
	const base = logs.ring.total + (logs.held?.ring.total ?? 0);
	const entries: LogEntry[] = [];
	for (const batch of batches) entries.push(...entriesOf(batch, base + entries.length));
	if (entries.length === 0) return logs;
	if (logs.held) {
		const matching = logs.filter ? entries.filter(entry => logs.filter!.pattern.test(entryText(entry))).length : entries.length;
		return {...logs, held: {ring: append(logs.held.ring, entries), matching: logs.held.matching + matching}};
	}
	const ring = append(logs.ring, entries);
	return {...logs, ring, ...(logs.filter ? {filter: extendFilter(logs.filter, ring, entries)} : {})};
}
