import {BlockSet} from './network-block-set.js';
import {fromBlock, type GivesWayTo, type Peer, toBlock} from './network-blocks.js';
import {NameSet} from './network-name-set.js';
import type {MergeMode} from './types.js';

/**
 * The peers (`from` or `to`) of one network rule, read the way spyctl reads
 * them: every DNS name on its own, every parseable ipBlock as a network. A
 * peer spyctl cannot merge (ipBlock and dnsSelector together, or a block it
 * cannot parse) is kept verbatim and only ever matches an identical peer,
 * so a merge never drops what the user wrote.
 */
export class PeerSet {
	private readonly names = new NameSet();
	private readonly blocks = new BlockSet();
	private readonly verbatim = new Map<string, Peer>();

	/** Reads the peers of a rule; `givesWayTo` only matters to a merge (see GivesWayTo). */
	static from(peers: readonly Peer[], givesWayTo: GivesWayTo = 'any'): PeerSet {
		const set = new PeerSet();
		for (const peer of peers) set.addPeer(peer, givesWayTo);
		return set;
	}

	/** Is every peer of `other` allowed by this set (a block inside a block, a name matched by a name or glob)? */
	covers(other: PeerSet): boolean {
		for (const key of other.verbatim.keys()) if (!this.verbatim.has(key)) return false;
		for (const block of other.blocks) if (!this.blocks.covers(block)) return false;
		for (const name of other.names) if (!this.names.covers(name)) return false;
		return true;
	}

	/**
	 * Adds the peers of `other` that this set does not already allow. In
	 * symmetric mode a peer wider than one of ours replaces it, so the merged
	 * rule generalises both inputs instead of listing both (a block only when
	 * ours gives way to it, see GivesWayTo).
	 */
	addAll(other: PeerSet, mode: MergeMode): void {
		for (const block of other.blocks) this.blocks.merge(block, mode);
		this.names.mergeAll(other.names, mode);
		for (const [key, peer] of other.verbatim) if (!this.verbatim.has(key)) this.verbatim.set(key, peer);
	}

	/** The blocks and names join the base, as merging the next object on its own would find them (see BlockSet.settle). */
	settle(): void {
		this.blocks.settle();
		this.names.settle();
	}

	/**
	 * The peers as spyctl writes them: one `dnsSelector` entry per name
	 * (sorted), then IPv4 blocks, then IPv6 blocks, each sorted by network.
	 * Blocks inside another block of the same rule are left out.
	 */
	toPeers(): Peer[] {
		const blocks = this.blocks.toSorted();
		return [
			...this.names.toSorted().map(name => ({dnsSelector: [name]})),
			...blocks.filter(block => block.net.family === 'ipv4').map(fromBlock),
			...blocks.filter(block => block.net.family === 'ipv6').map(fromBlock),
			...this.verbatim.values(),
		];
	}

	private addPeer(peer: Peer, givesWayTo: GivesWayTo): void {
		const {ipBlock, dnsSelector} = peer;
		const block = ipBlock && !dnsSelector ? toBlock(ipBlock, givesWayTo) : undefined;
		if (block) this.blocks.add(block);
		else if (dnsSelector && !ipBlock) for (const name of dnsSelector) this.names.add(name, givesWayTo);
		else this.verbatim.set(JSON.stringify(peer), peer);
	}
}
