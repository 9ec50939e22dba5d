import {isRecord} from '../../policy/is-record.js';
import {span, type Span} from '../tone.js';

/*
 * The detail pane also shows policies that failed validation, so every reader
 * here accepts any shape and shows what is there instead of assuming the schema.
 */

export function asRecord(value: unknown): Record<string, unknown> | undefined {
	return isRecord(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

/** A field that may hold one string or a list of them, as spyctl allows for hostnames. */
export function asTextList(value: unknown): string[] {
	return Array.isArray(value) ? value.map(item => asText(item)) : value === undefined ? [] : [asText(value)];
}

export function plural(count: number, noun: string): string {
	if (count === 1) return `${count} ${noun}`;
	return `${count} ${noun}${/(s|x|ch|sh)$/.test(noun) ? 'es' : 's'}`;
}

/** `TCP/443` or `TCP/8000-8080`. */
export function formatPort(value: unknown): string {
	const port = asRecord(value);
	if (!port) return asText(value);
	const range = port['endPort'] === undefined ? asText(port['port']) : `${asText(port['port'])}-${asText(port['endPort'])}`;
	return `${asText(port['protocol']) || '?'}/${range}`;
}

/** `10.0.0.0/8 except 10.1.0.0/16` or `dns api.example.com, db.local`. */
export function formatPeer(value: unknown): string {
	const peer = asRecord(value);
	if (!peer) return asText(value);
	const parts: string[] = [];
	const block = asRecord(peer['ipBlock']);
	if (block) {
		const except = asTextList(block['except']);
		parts.push(except.length > 0 ? `${asText(block['cidr'])} except ${except.join(', ')}` : asText(block['cidr']));
	}
	if (peer['dnsSelector'] !== undefined) parts.push(`dns ${asTextList(peer['dnsSelector']).join(', ')}`);
	return parts.length > 0 ? parts.join(' and ') : asText(value);
}

/** Epoch seconds as spyctl prints them: `2026-01-01T00:00:00Z`. */
export function formatTimestamp(value: unknown): string {
	const seconds = typeof value === 'string' ? Number(value) : value;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return asText(value);
	return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `key value` pairs on one line, keys dimmer than values. */
export function fields(pairs: Array<[string, string | Span[] | undefined]>): Span[] {
	const spans: Span[] = [];
	for (const [key, value] of pairs) {
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
		if (spans.length > 0) spans.push(span('  '));
		spans.push(span(`${key} `, 'key'));
		if (typeof value === 'string') spans.push(span(value, 'value'));
		else spans.push(...value);
	}
	return spans;
}
