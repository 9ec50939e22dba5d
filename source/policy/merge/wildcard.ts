import {globMatches} from './glob.js';

/** Shorter common text than this says nothing about what two names share. */
const minimumCommonLength = 3;

/**
 * One glob covering every string, spyctl's make_wildcard: the longest common
 * substring of all of them, with `*` on each side where the strings differ
 * (`python3.7`, `python3.9` → `python3.*`). Undefined when they share fewer
 * than three characters.
 */
export function makeWildcard(strings: readonly string[]): string | undefined {
	const [first, ...rest] = strings;
	if (first === undefined) return undefined;
	if (rest.every(text => text === first)) return first;
	const original = Array.from(first);
	let common = original;
	let match: LongestMatch = {a: 0, b: 0, size: original.length};
	let other: string[] = original;
	for (const text of rest) {
		other = Array.from(stripStars(text));
		match = longestMatch(common, other);
		common = common.slice(match.a, match.a + match.size);
		if (common.length < minimumCommonLength) return undefined;
	}
	const core = common.join('');
	const sharedStart = match.b === 0 && first.startsWith(core);
	const sharedEnd = match.b + match.size === other.length && first.endsWith(core);
	if (sharedStart && !sharedEnd) return `${core}*`;
	if (sharedEnd && !sharedStart) return `*${core}`;
	// Both ends shared means the strings differ only in stars: a star each side still covers them.
	return `*${core}*`;
}

/**
 * Generalise two values symmetrically (create): keep a glob that already
 * covers the other value, else make a new one. Undefined when nothing covers both.
 */
export function generalise(base: string, other: string): string | undefined {
	if (globMatches(base, other)) return base;
	if (globMatches(other, base)) return other;
	return makeWildcard([base, other]);
}

function stripStars(text: string): string {
	return text.replace(/^\*+|\*+$/g, '');
}

type LongestMatch = {a: number; b: number; size: number};

/**
 * difflib's find_longest_match without junk: the longest common run, the one
 * starting earliest in `a` on ties, then earliest in `b`.
 */
function longestMatch(a: readonly string[], b: readonly string[]): LongestMatch {
	let best: LongestMatch = {a: 0, b: 0, size: 0};
	let previous = new Int32Array(b.length + 1);
	let current = new Int32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const run = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : 0;
			current[j] = run;
			// Ending earliest in `a` (then `b`) with the longest run is starting earliest too.
			if (run > best.size) best = {a: i - run, b: j - run, size: run};
		}
		[previous, current] = [current, previous];
	}
	return best;
}
