import type {PolicyLogEvent} from '../../../source/api/search-records.js';
import {entriesOf, type LogEntry, tailBatchOf} from '../../../source/tui/logs/entry.js';

/** A policy log event as the embedded server writes it. */
export function logEvent(id: string, overrides: Partial<PolicyLogEvent> & Record<string, unknown> = {}): PolicyLogEvent {
	return {
		id,
		schema: 'event_log:guardian_deviation:1.0.0',
		time: 1_800_000_000,
		policy_uid: 'pol:web00000000000000000',
		policy_name: 'web',
		severity: 'high',
		message: `message ${id}`,
		...overrides,
	};
}

/** An event as the panel keeps it, numbered `seq`: handed over by the tail's thread, as every event is. */
export function entryFrom(event: PolicyLogEvent, seq: number): LogEntry {
	return entriesOf(tailBatchOf([event]), seq)[0]!;
}
