import {isRecord} from '../is-record.js';
import type {PathSegment} from '../problem.js';
import {definedKeys, sameValue} from './canonical.js';
import type {Change} from './changes.js';
import {matchById} from './list-matching.js';
import {matchSimilar} from './similar-matching.js';

/** Where the values being compared sit: each side has its own indexes. */
type Place = {before: PathSegment[]; after: PathSegment[]};

/**
 * Every difference between two JSON-like values, in document order (within a
 * list, its removed elements come last). No changes
 * means the values are deeply equal (key order aside; list order counts, and a
 * list whose elements only moved is one `changed` of the whole list).
 */
export function diffValues(before: unknown, after: unknown): Change[] {
	const changes: Change[] = [];
	compare(before, after, {before: [], after: []}, changes);
	return changes;
}

function compare(before: unknown, after: unknown, place: Place, changes: Change[]): void {
	if (sameValue(before, after)) return;
	if (isRecord(before) && isRecord(after)) compareRecords(before, after, place, changes);
	else if (Array.isArray(before) && Array.isArray(after)) compareLists(before, after, place, changes);
	else changes.push({kind: 'changed', path: place.after, before, after});
}

function compareRecords(before: Record<string, unknown>, after: Record<string, unknown>, place: Place, changes: Change[]): void {
	const afterKeys = new Set(definedKeys(after));
	for (const key of definedKeys(before)) {
		if (afterKeys.delete(key)) compare(before[key], after[key], step(place, key, key), changes);
		else changes.push({kind: 'removed', path: [...place.before, key], before: before[key]});
	}
	for (const key of afterKeys) changes.push({kind: 'added', path: [...place.after, key], after: after[key]});
}

function compareLists(before: unknown[], after: unknown[], place: Place, changes: Change[]): void {
	const match = matchById(before, after) ?? matchSimilar(before, after);
	const pairs = match.pairs;
	if (isReordered(pairs)) changes.push({kind: 'changed', path: place.after, before, after});
	const added = new Set(match.added);
	let pairIndex = 0;
	for (let index = 0; index < after.length; index++) {
		if (added.has(index)) {
			changes.push({kind: 'added', path: [...place.after, index], after: after[index]});
			continue;
		}
		const pair = pairs[pairIndex++];
		if (pair) compare(before[pair[0]], after[index], step(place, pair[0], index), changes);
	}
	for (const index of match.removed) changes.push({kind: 'removed', path: [...place.before, index], before: before[index]});
}

/** Pairs come in after order; the elements moved when their before indexes are not ascending. */
function isReordered(pairs: ReadonlyArray<readonly [number, number]>): boolean {
	return pairs.some((pair, index) => index > 0 && pair[0] < pairs[index - 1]![0]);
}

function step(place: Place, before: PathSegment, after: PathSegment): Place {
	return {before: [...place.before, before], after: [...place.after, after]};
}
