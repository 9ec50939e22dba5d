import type {PolicyLogEvent} from '../../api/search-records.js';

/**
 * A log event as the panel holds it: the fields its line shows, and where its
 * record's JSON text is, for Enter. At thousands of events a second the ring
 * is what the garbage collector walks, so an entry is a few references and
 * numbers: its message and JSON are slices of the one text its read came in.
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
	/** The text of the read this event came in; its JSON is `source.slice(jsonStart, jsonEnd)`. */
	source: string;
	jsonStart: number;
	jsonEnd: number;
};

/**
 * A read's events as the tail's thread hands them over. Columns, not objects:
 * every message and JSON text back to back in one string, the names each
 * event repeats once each, and seven numbers an event. Passing it between
 * threads copies a string and an array of numbers, and the panel's entries
 * slice the string instead of holding thousands of strings of their own.
 */
export type TailBatch = {
	text: string;
	/** Policy uids and names, kinds and severities. */
	words: string[];
	/** Per event: time, uid, name, kind and severity (as word numbers), then where its message ends and where its JSON ends. Each starts where the one before ends. */
	fields: Float64Array;
};

const fieldCount = 7;

export function tailBatchOf(events: readonly PolicyLogEvent[]): TailBatch {
	const words: string[] = [];
	const wordNumbers = new Map<string, number>();
	const word = (text: string): number => {
		let number = wordNumbers.get(text);
		if (number === undefined) {
			number = words.length;
			words.push(text);
			wordNumbers.set(text, number);
		}
		return number;
	};
	const parts: string[] = [];
	const fields = new Float64Array(events.length * fieldCount);
	let offset = 0;
	events.forEach((event, index) => {
		const policyUid = textField(event['policy_uid']) ?? '';
		const json = JSON.stringify(event);
		parts.push(event.message, json);
		const at = index * fieldCount;
		fields[at] = event.time;
		fields[at + 1] = word(policyUid);
		fields[at + 2] = word(textField(event['policy_name']) ?? (policyUid || 'unknown policy'));
		fields[at + 3] = word(kindOf(event['schema']));
		fields[at + 4] = word(textField(event['severity']) ?? '-');
		offset += event.message.length;
		fields[at + 5] = offset;
		offset += json.length;
		fields[at + 6] = offset;
	});
	return {text: parts.join(''), words, fields};
}

/** How many events a batch holds. */
export function batchSize(batch: TailBatch): number {
	return batch.fields.length / fieldCount;
}

/** A batch's events as the panel keeps them, numbered from `firstSeq`, their repeated names shared. */
export function entriesOf(batch: TailBatch, firstSeq: number): LogEntry[] {
	const {text, fields} = batch;
	const words = batch.words.map(shared);
	const entries: LogEntry[] = [];
	for (let index = 0, at = 0; at < fields.length; index++, at += fieldCount) {
		const messageStart = at === 0 ? 0 : fields[at - 1]!;
		entries.push({
			seq: firstSeq + index,
			time: fields[at]!,
			policyUid: words[fields[at + 1]!]!,
			policyName: words[fields[at + 2]!]!,
			kind: words[fields[at + 3]!]!,
			severity: words[fields[at + 4]!]!,
			message: text.slice(messageStart, fields[at + 5]),
			source: text,
			jsonStart: fields[at + 5]!,
			jsonEnd: fields[at + 6]!,
		});
	}
	return entries;
}

/** The event's record, as JSON text. */
export function entryJson(entry: LogEntry): string {
	return entry.source.slice(entry.jsonStart, entry.jsonEnd);
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
