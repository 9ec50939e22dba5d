import {diffArrays} from 'diff';
import {slideBlocks} from './line-slide.js';

/** A stretch of lines that both texts share, or that only one of them has. */
export type LineRun = {kind: 'same' | 'removed' | 'added'; lines: string[]};

/**
 * Myers' diff costs about (lines × edits): two unrelated 5,000-line policies
 * take seconds. Past this much work a stretch is shown as replaced instead.
 */
const editBudget = 5_000_000;

/**
 * The line diff of two texts. Lines that occur once in each text and in the
 * same order anchor the match (as git's patience diff does), so a merge result
 * lines up with its original quickly and readably; Myers' algorithm diffs the
 * stretches between anchors.
 */
export function lineRuns(before: readonly string[], after: readonly string[]): LineRun[] {
	const runs: LineRun[] = [];
	let beforeStart = 0;
	let afterStart = 0;
	for (const [beforeIndex, afterIndex] of [...uniqueAnchors(before, after), [before.length, after.length] as const]) {
		diffStretch(before.slice(beforeStart, beforeIndex), after.slice(afterStart, afterIndex), runs);
		if (beforeIndex < before.length) push(runs, 'same', [before[beforeIndex]!]);
		beforeStart = beforeIndex + 1;
		afterStart = afterIndex + 1;
	}
	return slideBlocks(runs);
}

function diffStretch(before: string[], after: string[], runs: LineRun[]): void {
	if (before.length === 0 || after.length === 0) {
		push(runs, 'removed', before);
		push(runs, 'added', after);
		return;
	}
	const maxEditLength = Math.max(100, Math.floor(editBudget / (before.length + after.length)));
	const parts = diffArrays(before, after, {maxEditLength});
	if (parts) {
		for (const part of parts) push(runs, part.removed ? 'removed' : part.added ? 'added' : 'same', part.value);
		return;
	}
	let prefix = 0;
	while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
	let suffix = 0;
	while (suffix < before.length - prefix && suffix < after.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
	push(runs, 'same', before.slice(0, prefix));
	push(runs, 'removed', before.slice(prefix, before.length - suffix));
	push(runs, 'added', after.slice(prefix, after.length - suffix));
	push(runs, 'same', before.slice(before.length - suffix));
}

/** Appends lines, joining them to the last run when it is of the same kind. */
function push(runs: LineRun[], kind: LineRun['kind'], lines: readonly string[]): void {
	if (lines.length === 0) return;
	const last = runs.at(-1);
	if (last?.kind === kind) last.lines.push(...lines);
	else runs.push({kind, lines: [...lines]});
}

/** Index pairs of lines found exactly once in each text, the longest run of them in the same order. */
function uniqueAnchors(before: readonly string[], after: readonly string[]): Array<readonly [number, number]> {
	const counts = new Map<string, {before: number; after: number; beforeIndex: number; afterIndex: number}>();
	for (const [index, line] of before.entries()) {
		const count = counts.get(line);
		if (count) count.before++;
		else counts.set(line, {before: 1, after: 0, beforeIndex: index, afterIndex: -1});
	}
	for (const [index, line] of after.entries()) {
		const count = counts.get(line);
		if (!count) continue;
		count.after++;
		count.afterIndex = index;
	}
	const candidates: Array<readonly [number, number]> = [];
	for (const count of counts.values()) if (count.before === 1 && count.after === 1) candidates.push([count.beforeIndex, count.afterIndex]);
	candidates.sort((a, b) => a[0] - b[0]);
	return longestIncreasing(candidates);
}

/** Patience sorting: the longest subsequence whose after indexes increase, in O(n log n). */
function longestIncreasing(pairs: ReadonlyArray<readonly [number, number]>): Array<readonly [number, number]> {
	const tails: number[] = [];
	const previous = new Array<number>(pairs.length).fill(-1);
	for (const [index, pair] of pairs.entries()) {
		let low = 0;
		let high = tails.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (pairs[tails[middle]!]![1] < pair[1]) low = middle + 1;
			else high = middle;
		}
		if (low > 0) previous[index] = tails[low - 1]!;
		tails[low] = index;
	}
	const chain: Array<readonly [number, number]> = [];
	for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) chain.push(pairs[index]!);
	return chain.reverse();
}
