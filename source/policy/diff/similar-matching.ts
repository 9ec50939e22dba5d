import {isRecord} from '../is-record.js';
import {canonicalKey} from './canonical.js';
import {type ListMatch, leftovers, matchByValue} from './list-matching.js';

/** Two records pair when at least this share of their leaf values agree (or one holds all of the other's). */
const minimumSimilarity = 0.5;

/**
 * Equal elements pair first. Then a record that was widened or edited (a
 * network rule with one peer more, an expression with one value more) pairs
 * with the old record it shares most with, so the diff says "peer added to this
 * rule" rather than "rule replaced". Scalars only pair when equal.
 */
export function matchSimilar(before: readonly unknown[], after: readonly unknown[]): ListMatch {
	const exact = matchByValue(before, after);
	const candidates = exact.removed.filter(index => isRecord(before[index]));
	const unpaired = exact.added.filter(index => isRecord(after[index]));
	if (candidates.length === 0 || unpaired.length === 0) return exact;

	const holders = new Map<string, number[]>();
	const atomsOf = new Map<number, Set<string>>();
	for (const index of candidates) {
		const atoms = leafAtoms(before[index]);
		atomsOf.set(index, atoms);
		for (const atom of atoms) {
			const list = holders.get(atom);
			if (list) list.push(index);
			else holders.set(atom, [index]);
		}
	}
	// Best pairs first, so that a record is not taken by a weaker partner that came earlier.
	const scored: Array<{score: number; pair: [number, number]}> = [];
	for (const index of unpaired) {
		for (const [holder, score] of scores(leafAtoms(after[index]), holders, atomsOf)) if (score >= minimumSimilarity) scored.push({score, pair: [holder, index]});
	}
	scored.sort((a, b) => b.score - a.score || a.pair[1] - b.pair[1] || a.pair[0] - b.pair[0]);
	const pairs = [...exact.pairs];
	const takenBefore = new Set<number>();
	const takenAfter = new Set<number>();
	for (const {pair} of scored) {
		if (takenBefore.has(pair[0]) || takenAfter.has(pair[1])) continue;
		takenBefore.add(pair[0]);
		takenAfter.add(pair[1]);
		pairs.push(pair);
	}
	pairs.sort((a, b) => a[1] - b[1]);
	return {pairs, removed: leftovers(before.length, pairs), added: leftovers(after.length, pairs, 1)};
}

/** The similarity of a record to each old record it shares a leaf with. */
function scores(atoms: Set<string>, holders: Map<string, number[]>, atomsOf: Map<number, Set<string>>): Map<number, number> {
	const shared = new Map<number, number>();
	for (const atom of atoms) for (const holder of holders.get(atom) ?? []) shared.set(holder, (shared.get(holder) ?? 0) + 1);
	const result = new Map<number, number>();
	for (const [holder, common] of shared) result.set(holder, similarity(common, atoms.size, atomsOf.get(holder)!.size));
	return result;
}

/**
 * Jaccard (shared over either), raised above every partial match when one side
 * holds all of the other: a merge only adds, so a rule that grew from five
 * atoms to twelve is still the same rule.
 */
function similarity(common: number, size: number, otherSize: number): number {
	const jaccard = common / (size + otherSize - common);
	return common === Math.min(size, otherSize) ? 1 + jaccard : jaccard;
}

/**
 * `{ports: [{port: 22, protocol: TCP}], processes: [a]}` → `.ports[]={"port":22,"protocol":"TCP"}`,
 * `.processes[]="a"`: every leaf with where it sits, list positions left out.
 * A record of plain values in a list is one leaf: a rule that allows UDP/22
 * and TCP/80 does not hold UDP/80, though it has both UDP and 80.
 */
function leafAtoms(value: unknown, prefix = '', atoms = new Set<string>()): Set<string> {
	if (Array.isArray(value)) {
		for (const item of value) {
			if (isRecord(item) && Object.values(item).every(field => !isRecord(field) && !Array.isArray(field))) atoms.add(`${prefix}[]=${canonicalKey(item)}`);
			else leafAtoms(item, `${prefix}[]`, atoms);
		}
	} else if (isRecord(value)) for (const [key, item] of Object.entries(value)) leafAtoms(item, `${prefix}.${JSON.stringify(key)}`, atoms);
	else atoms.add(`${prefix}=${JSON.stringify(value)}`);
	return atoms;
}
