import {isRecord} from '../is-record.js';

/**
 * `after` with the keys of each object in the order `before` has them; keys
 * new in `after` follow in their own order. A line diff of two dumps then
 * shows what changed, not that one side was written in another key order (the
 * API stores policies with sorted keys, merge writes spyctl's order). List
 * items are matched by position, which is how the dumps line up as well.
 */
export function inKeyOrderOf(after: unknown, before: unknown): unknown {
	if (Array.isArray(after)) return after.map((item, index) => inKeyOrderOf(item, Array.isArray(before) ? before[index] : undefined));
	if (!isRecord(after)) return after;
	const reference = isRecord(before) ? before : {};
	const ordered: Record<string, unknown> = {};
	for (const key of Object.keys(reference)) if (Object.hasOwn(after, key)) ordered[key] = inKeyOrderOf(after[key], reference[key]);
	for (const key of Object.keys(after)) if (!Object.hasOwn(ordered, key)) ordered[key] = inKeyOrderOf(after[key], undefined);
	return ordered;
}
