import type {WorkloadPolicy} from '../schema/policy.js';
import {toNet} from './network-address.js';
import type {Peer} from './network-blocks.js';
import {isPrivateDnsName, isPrivateNet} from './network-private.js';
import type {Direction, EgressRule, IngressRule} from './network-rule.js';
import type {NetworkPolicy} from './types.js';

export type DisableFlags = Pick<WorkloadPolicy['spec'], 'disableProcesses' | 'disableConnections' | 'disablePrivateConnections' | 'disablePublicConnections'>;

type Filter = {dropPrivate: boolean; dropPublic: boolean; dropProcesses: boolean};

/**
 * What a workload spec's disable switches leave of its network policy, as
 * spyctl's merge computes it: `disableConnections` empties a direction;
 * `disablePrivateConnections` / `disablePublicConnections` drop the peers
 * on that side (blocks by Python's `is_private`, names by spyctl's `.local`
 * rule) and the rules left without peers; `disableProcesses: all` drops the
 * process references, which would otherwise name processes the policy no
 * longer has (spyctl forgets the references only on rules it merged).
 *
 * spyctl filters both sides before it merges, so containment is judged on
 * what is left: apply this to the base and to each other object first.
 * Peers spyctl cannot read (ipBlock and dnsSelector together) are kept.
 */
export function applyDisableFlags(network: NetworkPolicy, flags: DisableFlags): NetworkPolicy {
	const ingress = filterFor('ingress', flags);
	const egress = filterFor('egress', flags);
	return {
		ingress: ingress ? network.ingress.flatMap(rule => filterIngress(rule, ingress)) : [],
		egress: egress ? network.egress.flatMap(rule => filterEgress(rule, egress)) : [],
	};
}

/** The filter for one direction, or undefined when its connections are disabled altogether. */
function filterFor(direction: Direction, flags: DisableFlags): Filter | undefined {
	const applies = (flag: DisableFlags['disableConnections']) => flag === 'all' || flag === direction;
	if (applies(flags.disableConnections)) return undefined;
	return {
		dropPrivate: applies(flags.disablePrivateConnections),
		dropPublic: applies(flags.disablePublicConnections),
		dropProcesses: flags.disableProcesses === 'all',
	};
}

function filterIngress(rule: IngressRule, filter: Filter): IngressRule[] {
	const from = filterPeers(rule.from, filter);
	return from.length > 0 ? [withoutProcesses({...rule, from}, filter)] : [];
}

function filterEgress(rule: EgressRule, filter: Filter): EgressRule[] {
	const to = filterPeers(rule.to, filter);
	return to.length > 0 ? [withoutProcesses({...rule, to}, filter)] : [];
}

function withoutProcesses<Rule extends IngressRule | EgressRule>(rule: Rule, filter: Filter): Rule {
	if (!filter.dropProcesses || rule.processes === undefined) return rule;
	const {processes: _dropped, ...rest} = rule;
	return rest as Rule;
}

function filterPeers(peers: readonly Peer[], filter: Filter): Peer[] {
	if (!filter.dropPrivate && !filter.dropPublic) return [...peers];
	const dropped = (isPrivate: boolean) => (isPrivate ? filter.dropPrivate : filter.dropPublic);
	return peers.flatMap(peer => {
		const {ipBlock, dnsSelector} = peer;
		if (ipBlock && !dnsSelector) {
			const net = toNet(ipBlock.cidr);
			return net && dropped(isPrivateNet(net)) ? [] : [peer];
		}
		if (dnsSelector && !ipBlock) {
			const kept = dnsSelector.filter(name => !dropped(isPrivateDnsName(name)));
			if (kept.length === 0) return [];
			return [kept.length === dnsSelector.length ? peer : {dnsSelector: kept}];
		}
		return [peer];
	});
}
