import {isRecord} from '../load.js';
import {canonicalKey} from './canonical.js';
import {type ListMatch, leftovers, matchByValue} from './list-matching.js';

/** A rule pairs with its old version when at least this share of their peers, ports and processes agree. */
const minimumSimilarity = 0.5;

/**
 * Network rules have no id. Equal rules pair first; then a rule that merge
 * widened (a peer, port or process more) pairs with the old rule it shares most
 * with, so the diff says "peer added to this rule" rather than "rule replaced".
 */
export function matchNetworkRules(before: readonly unknown[], after: readonly unknown[]): ListMatch {
	const exact = matchByValue(before, after);
	const pairs = [...exact.pairs];
	const byAtom = new Map<string, number[]>();
	const atomsBefore = new Map<number, Set<string>>();
	for (const index of exact.removed) {
		const atoms = ruleAtoms(before[index]);
		atomsBefore.set(index, atoms);
		for (const atom of atoms) {
			const holders = byAtom.get(atom);
			if (holders) holders.push(index);
			else byAtom.set(atom, [index]);
		}
	}
	const taken = new Set<number>();
	for (const index of exact.added) {
		const partner = closestRule(ruleAtoms(after[index]), byAtom, atomsBefore, taken);
		if (partner === undefined) continue;
		taken.add(partner);
		pairs.push([partner, index]);
	}
	pairs.sort((a, b) => a[1] - b[1]);
	return {pairs, removed: leftovers(before.length, pairs), added: leftovers(after.length, pairs, 1)};
}

function closestRule(atoms: Set<string>, byAtom: Map<string, number[]>, atomsBefore: Map<number, Set<string>>, taken: Set<number>): number | undefined {
	const shared = new Map<number, number>();
	for (const atom of atoms) {
		for (const holder of byAtom.get(atom) ?? []) if (!taken.has(holder)) shared.set(holder, (shared.get(holder) ?? 0) + 1);
	}
	let best: number | undefined;
	let bestScore = 0;
	for (const [holder, common] of shared) {
		// Jaccard: what both rules allow, over what either allows.
		const score = common / (atoms.size + atomsBefore.get(holder)!.size - common);
		if (score > bestScore || (score === bestScore && best !== undefined && holder < best)) {
			best = holder;
			bestScore = score;
		}
	}
	return bestScore >= minimumSimilarity ? best : undefined;
}

/** What a rule allows, one atom per DNS name, IP block, port range and process id. */
function ruleAtoms(rule: unknown): Set<string> {
	const atoms = new Set<string>();
	if (!isRecord(rule)) return atoms;
	for (const peer of [...listAt(rule, 'from'), ...listAt(rule, 'to')]) {
		if (isRecord(peer)) {
			for (const name of listAt(peer, 'dnsSelector')) atoms.add(`dns:${canonicalKey(name)}`);
			if (peer['ipBlock'] !== undefined) atoms.add(`ip:${canonicalKey(peer['ipBlock'])}`);
		} else {
			atoms.add(`peer:${canonicalKey(peer)}`);
		}
	}
	for (const port of listAt(rule, 'ports')) atoms.add(`port:${canonicalKey(port)}`);
	for (const process of listAt(rule, 'processes')) atoms.add(`process:${canonicalKey(process)}`);
	return atoms;
}

function listAt(record: Record<string, unknown>, key: string): unknown[] {
	const value = record[key];
	return Array.isArray(value) ? value : [];
}
