import {type Net, netWithin, toNet} from './network-address.js';
import type {NetworkPolicy} from './types.js';

export type Peer = NetworkPolicy['ingress'][number]['from'][number];
type IpBlock = NonNullable<Peer['ipBlock']>;

/** An `ipBlock` peer: the network it allows, minus its `except` subnets. */
export type Block = {
	net: Net;
	except: Net[];
	/** Equal keys mean equal blocks (spyctl compares the network and the except list). */
	key: string;
	/** Changes only when the rule's set settles (see BlockSet.settle). */
	givesWayTo: GivesWayTo;
};

/**
 * Which wider blocks may replace a block in a rule, or drop it from the
 * rule's output. `any`: a block of an incoming object. `incoming`: a base
 * block in a symmetric merge (create widens the base by the other objects,
 * but the base's own blocks do not rewrite one another). `none`: a base
 * block in an asymmetric merge (diff, merge), which only ever adds to the
 * base: a wider incoming block joins the rule beside it (reference §4.8).
 */
export type GivesWayTo = 'any' | 'incoming' | 'none';

/** Reads an ipBlock; undefined when spyctl could not parse it (then the peer is kept verbatim, never merged). */
export function toBlock(ipBlock: IpBlock, givesWayTo: GivesWayTo): Block | undefined {
	const net = toNet(ipBlock.cidr);
	if (!net) return undefined;
	const except: Net[] = [];
	for (const text of ipBlock.except ?? []) {
		const inner = toNet(text);
		if (!inner || !netWithin(inner, net)) return undefined;
		except.push(inner);
	}
	return {net, except, key: [net.text, ...except.map(inner => inner.text)].join(' '), givesWayTo};
}

/** May `wider`, which covers `narrower`, take its place (see GivesWayTo)? */
export function mayReplace(wider: Block, narrower: Block): boolean {
	return givesWay(narrower.givesWayTo, wider.givesWayTo);
}

/** May a peer of the `wider` kind replace one of the `narrower` kind that it covers (see GivesWayTo)? DNS names follow the same rule. */
export function givesWay(narrower: GivesWayTo, wider: GivesWayTo): boolean {
	return narrower === 'any' || (narrower === 'incoming' && wider === 'any');
}

export function fromBlock(block: Block): Peer {
	const ipBlock: IpBlock = {cidr: block.net.text};
	if (block.except.length > 0) ipBlock.except = block.except.map(inner => inner.text);
	return {ipBlock};
}

/**
 * Does `outer` allow every address `inner` allows? spyctl only asks whether
 * the inner network sits inside one of outer's exceptions; that lets
 * `10.0.0.0/8` count as inside `10.0.0.0/8 except 10.1.0.0/16`, and a merge
 * then silently loses 10.1.0.0/16. An exception of outer that lies within
 * inner must also be excluded by inner, or inner is not covered.
 */
export function blockWithin(inner: Block, outer: Block): boolean {
	if (!netWithin(inner.net, outer.net)) return false;
	for (const hole of outer.except) {
		if (netWithin(inner.net, hole)) return allExcluded(inner, inner.net);
		if (netWithin(hole, inner.net) && !allExcluded(inner, hole)) return false;
	}
	return true;
}

/** Does one of the block's own exceptions exclude the whole of `net`? */
function allExcluded(block: Block, net: Net): boolean {
	return block.except.some(hole => netWithin(net, hole));
}
