import {globMatches} from './glob.js';
import {type GivesWayTo, givesWay} from './network-blocks.js';
import {compareText} from './text-order.js';
import type {MergeMode} from './types.js';

const globCharacters = /[*?[]/;

/**
 * The DNS names of one rule's dnsSelector peers. A name is allowed when it
 * is in the set or an fnmatch glob of the set matches it (`*.example.com`
 * allows `api.example.com`, and `a.b.example.com`: `*` crosses dots).
 */
export class NameSet {
	private readonly names: string[] = [];
	/** Each name, with which wider globs may replace it (as for blocks, see GivesWayTo). */
	private readonly kinds = new Map<string, GivesWayTo>();
	private readonly globs: string[] = [];

	add(name: string, givesWayTo: GivesWayTo): void {
		if (this.kinds.has(name)) return;
		this.names.push(name);
		this.kinds.set(name, givesWayTo);
		if (globCharacters.test(name)) this.globs.push(name);
	}

	covers(name: string): boolean {
		return this.kinds.has(name) || this.globs.some(glob => globMatches(glob, name));
	}

	/**
	 * Adds the names of `other` not covered yet; in symmetric mode a glob
	 * replaces the first name it matches, and may replace, instead of joining it.
	 */
	mergeAll(other: NameSet, mode: MergeMode): void {
		for (const name of other.names) this.merge(name, other.kinds.get(name)!, mode);
	}

	/** The names become part of the base, as the next object of an asymmetric merge finds them. */
	settle(): void {
		for (const name of this.names) this.kinds.set(name, 'none');
	}

	private merge(name: string, givesWayTo: GivesWayTo, mode: MergeMode): void {
		if (this.covers(name)) return;
		const narrower = mode === 'symmetric' && globCharacters.test(name) ? this.names.findIndex(own => givesWay(this.kinds.get(own)!, givesWayTo) && globMatches(name, own)) : -1;
		if (narrower < 0) {
			this.add(name, givesWayTo);
			return;
		}
		const old = this.names[narrower]!;
		this.names[narrower] = name;
		this.kinds.delete(old);
		this.kinds.set(name, givesWayTo);
		if (this.globs.includes(old)) this.globs.splice(this.globs.indexOf(old), 1);
		this.globs.push(name);
	}

	/** spyctl writes the names sorted (Python's code-point order). */
	toSorted(): string[] {
		return [...this.names].sort(compareText);
	}

	[Symbol.iterator](): Iterator<string> {
		return this.names[Symbol.iterator]();
	}
}
