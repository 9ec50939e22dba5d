import {compareNets, supernetKey} from './network-address.js';
import {type Block, blockWithin, mayReplace} from './network-blocks.js';
import type {MergeMode} from './types.js';

/** Below this many blocks a scan is cheaper than building maps (most rules have one or two peers). */
const indexFrom = 4;

type Lookup = {
	keys: Set<string>;
	/** Blocks by their own network, so that the supernets of a block are a few map look-ups away. */
	byNet: Map<string, Block[]>;
	prefixes: {ipv4: Set<number>; ipv6: Set<number>};
};

/** The ipBlock peers of one rule, with quick "is this block already allowed?" answers for rules with many blocks. */
export class BlockSet {
	private blocks: Block[] = [];
	private lookup: Lookup | undefined;

	/** Adds `block` unless an equal block is present. */
	add(block: Block): void {
		if (this.has(block)) return;
		this.blocks.push(block);
		if (this.lookup) fileBlock(this.lookup, block);
	}

	/** Is every address of `block` allowed by one block of the set? */
	covers(block: Block): boolean {
		if (this.has(block)) return true;
		return this.supernetsOf(block).some(outer => blockWithin(block, outer));
	}

	/**
	 * Adds `block` unless covered; in symmetric mode it replaces the first
	 * block it covers (and may replace, see mayReplace) instead of joining it.
	 */
	merge(block: Block, mode: MergeMode): void {
		if (this.covers(block)) return;
		const narrower = mode === 'symmetric' ? this.blocks.findIndex(own => mayReplace(block, own) && blockWithin(own, block)) : -1;
		if (narrower < 0) {
			this.add(block);
			return;
		}
		this.blocks[narrower] = block;
		this.lookup = undefined;
	}

	/** The blocks sorted as Python sorts networks, without those spyctl's per-rule clean-up drops (see redundant). */
	toSorted(): Block[] {
		const dropped = this.redundant();
		return this.blocks.filter(block => !dropped.has(block)).sort((a, b) => compareNets(a.net, b.net));
	}

	/**
	 * Makes the blocks part of the base, as the next object of an asymmetric
	 * merge would find them after this one was merged on its own: the blocks
	 * the output drops go, and the rest stay for good. Blocks belong to one
	 * set (a rule merged into another leaves nothing behind), so they change
	 * in place: a deviation that touches a rule with many blocks re-files none.
	 */
	settle(): void {
		if (this.blocks.every(block => block.givesWayTo === 'none')) return;
		const dropped = this.redundant();
		if (dropped.size > 0) {
			this.blocks = this.blocks.filter(block => !dropped.has(block));
			this.lookup = undefined;
		}
		for (const block of this.blocks) block.givesWayTo = 'none';
	}

	/**
	 * The blocks spyctl's per-rule clean-up drops: a block goes if an earlier
	 * kept block or any later block covers it (of two equivalent blocks, the
	 * later one stays), and it gives way to that block (see GivesWayTo).
	 */
	private redundant(): Set<Block> {
		// Blocks are visited in order, so `dropped` holds earlier blocks only: a covering block that is not in it is later, or earlier and kept.
		const dropped = new Set<Block>();
		for (const block of this.blocks) {
			if (block.givesWayTo === 'none') continue;
			if (this.supernetsOf(block).some(outer => outer !== block && !dropped.has(outer) && mayReplace(outer, block) && blockWithin(block, outer))) dropped.add(block);
		}
		return dropped;
	}

	[Symbol.iterator](): Iterator<Block> {
		return this.blocks[Symbol.iterator]();
	}

	private has(block: Block): boolean {
		if (this.blocks.length < indexFrom) return this.blocks.some(own => own.key === block.key);
		return this.index().keys.has(block.key);
	}

	/** The blocks whose network is `block`'s network or a supernet of it (themselves included). */
	private supernetsOf(block: Block): Block[] {
		if (this.blocks.length < indexFrom) return this.blocks;
		const {byNet, prefixes} = this.index();
		const found: Block[] = [];
		for (const prefix of prefixes[block.net.family]) {
			if (prefix <= block.net.prefix) found.push(...(byNet.get(supernetKey(block.net, prefix)) ?? []));
		}
		return found;
	}

	private index(): Lookup {
		if (!this.lookup) {
			this.lookup = {keys: new Set(), byNet: new Map(), prefixes: {ipv4: new Set(), ipv6: new Set()}};
			for (const block of this.blocks) fileBlock(this.lookup, block);
		}
		return this.lookup;
	}
}

function fileBlock(lookup: Lookup, block: Block): void {
	lookup.keys.add(block.key);
	const key = supernetKey(block.net, block.net.prefix);
	const sameNet = lookup.byNet.get(key);
	if (sameNet) sameNet.push(block);
	else lookup.byNet.set(key, [block]);
	lookup.prefixes[block.net.family].add(block.net.prefix);
}
