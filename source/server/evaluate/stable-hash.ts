import {createHash} from 'node:crypto';

/**
 * A hash that two deeply equal values share whatever their key order, so
 * that the same activity seen twice gets the same checksum (hex, 32 chars).
 */
export function stableHash(value: unknown): string {
	return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

/**
 * JSON with every object's keys sorted and undefined members left out (the
 * text diff/canonical.ts's canonicalKey gives, built with less garbage: it
 * runs for every fingerprint ingested).
 */
function canonicalJson(value: unknown): string {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) {
		let text = '[';
		for (let index = 0; index < value.length; index++) text += (index === 0 ? '' : ',') + canonicalJson(value[index]);
		return `${text}]`;
	}
	const record = value as Record<string, unknown>;
	let text = '{';
	let first = true;
	for (const key of Object.keys(record).sort()) {
		const item = record[key];
		if (item === undefined) continue;
		text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
		first = false;
	}
	return `${text}}`;
}
