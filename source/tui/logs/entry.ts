import type {PolicyLogEvent} from '../../api/search-records.js';

/**
 * A log event as the panel holds it: the fields its line shows, and the
 * record as JSON text for Enter. At thousands of events a second the ring is
 * what the garbage collector walks, so each event is a few flat strings
 * rather than the object graph JSON.parse made of it.
 */
export type LogEntry = {
	/** Position in the stream since the panel (re)started reading: stable while older entries fall out. */
	seq: number;
	time: number;
	policyUid: string;
	policyName: string;
	/** `deviation`, `action`, `flag`: the schema's subtype without `guardian_`. */
	kind: string;
	severity: string;
	message: string;
	json: string;
};

/** An event as the tail hands it over, before the panel numbers it. The tail's thread makes these. */
export type TailEvent = Omit<LogEntry, 'seq'>;

export function tailEventOf(event: PolicyLogEvent): TailEvent {
	const policyUid = textField(event['policy_uid']) ?? '';
	return {
		time: event.time,
		policyUid,
		policyName: textField(event['policy_name']) ?? (policyUid || 'unknown policy'),
		kind: kindOf(event['schema']),
		severity: textField(event['severity']) ?? '-',
		message: event.message,
		json: JSON.stringify(event),
	};
}

/** A handed-over event as the panel keeps it: numbered, its repeated names shared. */
export function entryOf(event: TailEvent, seq: number): LogEntry {
	return {
		seq,
		time: event.time,
		policyUid: shared(event.policyUid),
		policyName: shared(event.policyName),
		kind: shared(event.kind),
		severity: shared(event.severity),
		message: event.message,
		json: event.json,
	};
}

/** What `&` and `/` match: the line as it reads with its timestamp. Made when asked, not kept. */
export function entryText(entry: LogEntry): string {
	return `${clockTime(entry.time)} ${entry.policyName} ${entry.kind} ${entry.severity} ${entry.message}`;
}

/**
 * Policy names, uids, severities and kinds repeat from event to event: one
 * copy of each serves them all. The table is emptied when it grows large, so
 * that a stream of ever-new policies cannot grow it without bound.
 */
const sharedText = new Map<string, string>();
const sharedLimit = 10_000;

function shared(text: string): string {
	const known = sharedText.get(text);
	if (known !== undefined) return known;
	if (sharedText.size >= sharedLimit) sharedText.clear();
	sharedText.set(text, text);
	return text;
}

/** `event_log:guardian_flag:1.0.0` → `flag`. */
function kindOf(schema: unknown): string {
	const subtype = typeof schema === 'string' ? schema.split(':')[1] : undefined;
	return subtype ? subtype.replace(/^guardian_/, '') : 'event';
}

function textField(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `HH:MM:SSZ`: the time of day in UTC, as spyctl's timestamps are. */
export function clockTime(epochSeconds: number): string {
	return Number.isFinite(epochSeconds) ? `${new Date(epochSeconds * 1000).toISOString().slice(11, 19)}Z` : '--:--:--Z';
}
