import {span, type Span} from '../tone.js';
import {entryJson, type LogEntry} from './entry.js';

const cache = new WeakMap<object, Span[][]>();

/** An event's record, pretty-printed and coloured. */
export function eventJson(entry: LogEntry): Span[][] {
	let lines = cache.get(entry);
	if (!lines) {
		lines = jsonLines(JSON.parse(entryJson(entry)) as object);
		cache.set(entry, lines);
	}
	return lines;
}

/** A record as pretty-printed JSON, one line of spans per line: keys, strings, numbers and literals each in their colour. */
export function jsonLines(value: object): Span[][] {
	return JSON.stringify(value, null, 2)
		.split('\n')
		.map(line => jsonLine(line));
}

const linePattern = /^(\s*)("(?:[^"\\]|\\.)*": )?(.*?)(,?)$/;

function jsonLine(line: string): Span[] {
	const [, indent = '', key = '', value = '', comma = ''] = linePattern.exec(line) ?? [];
	const spans: Span[] = [span(indent)];
	if (key !== '') spans.push(span(key.slice(0, -2), 'json:key'), span(': ', 'muted'));
	spans.push(valueSpan(value));
	if (comma !== '') spans.push(span(comma, 'muted'));
	return spans;
}

function valueSpan(text: string): Span {
	if (text.startsWith('"')) return span(text, 'json:string');
	if (/^-?\d/.test(text)) return span(text, 'json:number');
	if (text === 'true' || text === 'false' || text === 'null') return span(text, 'json:literal');
	// Brackets and braces.
	return span(text, 'muted');
}
