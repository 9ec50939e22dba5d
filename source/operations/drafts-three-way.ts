import {isDeepStrictEqual} from 'node:util';
import {isRecord} from '../policy/is-record.js';
import {formatPath} from '../policy/problem.js';

/** A field the document does not have, told apart from a field whose value is null. */
const absent = Symbol('absent');
/** A field below something that is not a mapping (or is gone), so it cannot be there at all. */
const unreachable = Symbol('unreachable');

type Change = {path: string[]; value: unknown};

export type Reapplied = {document: Record<string, unknown>; conflicts: string[]};

/**
 * Replays the changes that turned `base` into `edited` on top of `latest`.
 * Mappings are compared key by key; lists and scalars are compared whole, since
 * list entries have no identity to line them up by. A field both sides changed
 * to different values is a conflict: the edit still wins there, because the
 * user asked to re-apply it, and the conflict list is what keeps that from
 * being a silent overwrite.
 */
export function reapplyChanges(base: Record<string, unknown>, edited: Record<string, unknown>, latest: Record<string, unknown>): Reapplied {
	let document = latest;
	const conflicts: string[] = [];
	for (const change of changesBetween(base, edited, [])) {
		const theirs = valueAt(latest, change.path);
		if (theirs === unreachable && change.value === absent) continue;
		const agreed = isDeepStrictEqual(theirs, change.value);
		if (!agreed && !isDeepStrictEqual(theirs, valueAt(base, change.path))) conflicts.push(formatPath(change.path));
		if (!agreed) document = withValueAt(document, change.path, change.value);
	}
	return {document, conflicts};
}

function changesBetween(before: unknown, after: unknown, path: string[]): Change[] {
	if (isDeepStrictEqual(before, after)) return [];
	if (!isRecord(before) || !isRecord(after)) return [{path, value: after}];
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].flatMap(key => changesBetween(fieldOf(before, key), fieldOf(after, key), [...path, key]));
}

function fieldOf(record: Record<string, unknown>, key: string): unknown {
	return Object.hasOwn(record, key) ? record[key] : absent;
}

function valueAt(document: Record<string, unknown>, path: readonly string[]): unknown {
	let node: unknown = document;
	for (const key of path) {
		if (!isRecord(node)) return unreachable;
		node = fieldOf(node, key);
	}
	return node;
}

/** A copy of `record` with the field at `path` set (or removed, for `absent`), making mappings on the way as needed. */
function withValueAt(record: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
	const [key, ...rest] = path;
	if (key === undefined) return record;
	const copy = {...record};
	if (rest.length > 0) {
		const child = copy[key];
		copy[key] = withValueAt(isRecord(child) ? child : {}, rest, value);
	} else if (value === absent) {
		delete copy[key];
	} else {
		copy[key] = value;
	}
	return copy;
}
