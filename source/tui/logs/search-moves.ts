import {entryText} from './entry.js';
import type {Pattern} from './pattern.js';
import type {VisibleList} from './visible.js';

/**
 * The next line (direction 1) or previous one (-1) from `from` that the
 * search matches, going round the end as vim does; `wrapped` says it did.
 */
export function findMatch(list: VisibleList, pattern: Pattern, from: number, direction: 1 | -1): {index: number; wrapped: boolean} | undefined {
	for (let step = 1; step <= list.length; step++) {
		const raw = from + direction * step;
		const index = ((raw % list.length) + list.length) % list.length;
		if (pattern.test(entryText(list.at(index)!))) return {index, wrapped: raw !== index};
	}
	return undefined;
}

/** How many lines match, and how many of them come at or before the selected one: `3 of 57`. */
export function matchCount(list: VisibleList, pattern: Pattern, cursor: number): {total: number; upToCursor: number} {
	let total = 0;
	let upToCursor = 0;
	for (let index = 0; index < list.length; index++) {
		if (!pattern.test(entryText(list.at(index)!))) continue;
		total++;
		if (index <= cursor) upToCursor++;
	}
	return {total, upToCursor};
}
