import {isRecord} from '../is-record.js';
import {canonicalKey} from './canonical.js';

/** How the elements of two versions of a list correspond: index pairs, and the leftovers of each side. */
export type ListMatch = {
	/** [before index, after index], in after order. */
	pairs: Array<[number, number]>;
	removed: number[];
	added: number[];
};

/**
 * Equal elements pair up, duplicates one to one, wherever they sit: a list of
 * exes, peers or ports is a set. What is left was removed or added.
 */
export function matchByValue(before: readonly unknown[], after: readonly unknown[]): ListMatch {
	const waiting = new Map<string, number[]>();
	for (const [index, item] of before.entries()) {
		const key = canonicalKey(item);
		const queue = waiting.get(key);
		if (queue) queue.push(index);
		else waiting.set(key, [index]);
	}
	const pairs: Array<[number, number]> = [];
	const added: number[] = [];
	for (const [index, item] of after.entries()) {
		const partner = waiting.get(canonicalKey(item))?.shift();
		if (partner === undefined) added.push(index);
		else pairs.push([partner, index]);
	}
	return {pairs, removed: leftovers(before.length, pairs), added};
}

/**
 * Process nodes keep their `id` across versions (merge only adds nodes and
 * unions their fields), so a node is the same node when its id is.
 * Returns undefined when the ids do not identify the elements.
 */
export function matchById(before: readonly unknown[], after: readonly unknown[]): ListMatch | undefined {
	const beforeIds = uniqueIds(before);
	const afterIds = uniqueIds(after);
	if (!beforeIds || !afterIds) return undefined;
	const indexOf = new Map(beforeIds.map((id, index) => [id, index]));
	const pairs: Array<[number, number]> = [];
	const added: number[] = [];
	for (const [index, id] of afterIds.entries()) {
		const partner = indexOf.get(id);
		if (partner === undefined) added.push(index);
		else pairs.push([partner, index]);
	}
	return {pairs, removed: leftovers(before.length, pairs), added};
}

function uniqueIds(items: readonly unknown[]): string[] | undefined {
	const ids = items.map(item => (isRecord(item) && typeof item['id'] === 'string' ? item['id'] : undefined));
	if (ids.some(id => id === undefined)) return undefined;
	const known = ids as string[];
	return new Set(known).size === known.length ? known : undefined;
}

/** Indexes below `length` that no pair uses, ascending. */
export function leftovers(length: number, pairs: ReadonlyArray<readonly [number, number]>, side: 0 | 1 = 0): number[] {
	const used = new Set(pairs.map(pair => pair[side]));
	return Array.from({length}, (_, index) => index).filter(index => !used.has(index));
}
