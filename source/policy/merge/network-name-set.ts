import {globMatches} from './glob.js';
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
	private readonly exact = new Set<string>();
	private readonly globs: string[] = [];

	add(name: string): void {
		if (this.exact.has(name)) return;
		this.names.push(name);
		this.exact.add(name);
		if (globCharacters.test(name)) this.globs.push(name);
	}

	covers(name: string): boolean {
		return this.exact.has(name) || this.globs.some(glob => globMatches(glob, name));
	}

	/** Adds `name` unless covered; in symmetric mode a glob replaces the first name it matches instead of joining it. */
	merge(name: string, mode: MergeMode): void {
		if (this.covers(name)) return;
		const narrower = mode === 'symmetric' && globCharacters.test(name) ? this.names.findIndex(own => globMatches(name, own)) : -1;
		if (narrower < 0) {
			this.add(name);
			return;
		}
		const old = this.names[narrower]!;
		this.names[narrower] = name;
		this.exact.delete(old);
		this.exact.add(name);
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
