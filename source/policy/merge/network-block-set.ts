import {compareNets, supernetKey} from './network-address.js';
import {type Block, blockWithin} from './network-blocks.js';
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
	private readonly blocks: Block[] = [];
	private lookup: Lookup | undefined;

	get size(): number {
		return this.blocks.length;
	}

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

	/** Adds `block` unless covered; in symmetric mode it replaces the first block it covers instead of joining it. */
	merge(block: Block, mode: MergeMode): void {
		if (this.covers(block)) return;
		const narrower = mode === 'symmetric' ? this.blocks.findIndex(own => blockWithin(own, block)) : -1;
		if (narrower < 0) {
			this.add(block);
			return;
		}
		this.blocks[narrower] = block;
		this.lookup = undefined;
	}

	/**
	 * The blocks sorted as Python sorts networks, without those spyctl's
	 * per-rule clean-up drops: a block goes if an earlier kept block or any
	 * later block covers it (of two equivalent blocks, the later one stays).
	 */
	toSorted(): Block[] {
		const position = new Map(this.blocks.map((block, index) => [block, index]));
		const dropped = new Set<Block>();
		for (const [index, block] of this.blocks.entries()) {
			const redundant = this.supernetsOf(block).some(outer => {
				const at = position.get(outer)!;
				return at !== index && (at > index || !dropped.has(outer)) && blockWithin(block, outer);
			});
			if (redundant) dropped.add(block);
		}
		return this.blocks.filter(block => !dropped.has(block)).sort((a, b) => compareNets(a.net, b.net));
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
