import {isRecord} from '../is-record.js';

/**
 * A text that two values share exactly when they are deeply equal, whatever
 * the order of their keys: `{port: 22, protocol: TCP}` and `{protocol: TCP,
 * port: 22}` are one value in a policy, as they are to spyctl (Python dicts).
 */
export function canonicalKey(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(item => canonicalKey(item)).join(',')}]`;
	if (isRecord(value)) {
		const keys = Object.keys(value)
			.filter(key => value[key] !== undefined)
			.sort();
		return `{${keys.map(key => `${JSON.stringify(key)}:${canonicalKey(value[key])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}

/** Deep equality that ignores key order (and keys holding undefined) but not list order. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
	if (isRecord(a)) {
		if (!isRecord(b)) return false;
		const keys = definedKeys(a);
		return keys.length === definedKeys(b).length && keys.every(key => sameValue(a[key], b[key]));
	}
	return false;
}

export function definedKeys(record: Record<string, unknown>): string[] {
	return Object.keys(record).filter(key => record[key] !== undefined);
}
