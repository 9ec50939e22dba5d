import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {globMatches} from '../../../source/policy/merge/glob.js';
import {addressInNet, lastAddress, type Net, toNet} from '../../../source/policy/merge/network-address.js';
import {mergeNetworkPolicy, normaliseNetworkPolicy} from '../../../source/policy/merge/network.js';
import type {MergeMode, NetworkPolicy, ProcessIdMap} from '../../../source/policy/merge/types.js';
import {networkPolicy as networkPolicySchema} from '../../../source/policy/schema/network.js';

const numRuns = 200;

type Rule = NetworkPolicy['egress'][number];
type Peer = Rule['to'][number];
type Port = Rule['ports'][number];

// ---------------------------------------------------------------------------
// Valid network policies drawn from small pools, so that rules overlap often
// ---------------------------------------------------------------------------

const blocks: Array<Peer['ipBlock']> = [
	{cidr: '0.0.0.0/0'},
	{cidr: '10.0.0.0/8'},
	{cidr: '10.0.0.0/8', except: ['10.1.0.0/16']},
	{cidr: '10.0.0.0/8', except: ['10.1.2.0/24', '10.2.0.0/16']},
	{cidr: '10.1.0.0/16'},
	{cidr: '10.1.0.0/16', except: ['10.1.2.0/24']},
	{cidr: '10.1.2.0/24'},
	{cidr: '10.1.2.3/32'},
	{cidr: '10.2.0.0/16'},
	{cidr: '192.168.6.11'},
	{cidr: '8.8.8.8/32'},
	{cidr: '2001:db8::/32'},
	{cidr: '2001:DB8:1::/48'},
	{cidr: '::1/128'},
];
const names = ['api.example.com', '*.example.com', 'a.b.example.com', 'example.com', 'db.local', '*.local', 'x.svc.cluster.local', 'b?.example.com', 'b1.example.com', '[ab]*.local'];
const processIds = ['p_0', 'p_1', 'q_0', 'r_0'];

const peer: fc.Arbitrary<Peer> = fc.oneof(
	fc.constantFrom(...blocks).map(ipBlock => ({ipBlock: structuredClone(ipBlock)})),
	fc.subarray(names, {minLength: 1, maxLength: 3}).map(dnsSelector => ({dnsSelector})),
);
const protocol = fc.constantFrom<Port['protocol']>('TCP', 'UDP');
const port: fc.Arbitrary<Port> = fc.oneof(
	fc.record({protocol, port: fc.constantFrom(22, 53, 80, 443, 1500)}),
	fc.record({protocol, port: fc.constant(1000), endPort: fc.constantFrom(1000, 2000)}),
	fc.constant<Port>({protocol: 'TCP', port: 0, endPort: 65_535}),
);
const rule: fc.Arbitrary<Rule> = fc.record(
	{
		to: fc.array(peer, {minLength: 1, maxLength: 4}),
		ports: fc.array(port, {minLength: 1, maxLength: 3}),
		processes: fc.subarray(processIds, {minLength: 1, maxLength: 3}),
	},
	{requiredKeys: ['to', 'ports']},
);
const network: fc.Arbitrary<NetworkPolicy> = fc.record({
	ingress: fc.array(rule.map(({to, ...rest}) => ({from: to, ...rest})), {maxLength: 5}),
	egress: fc.array(rule, {maxLength: 5}),
});
/** A deviation carries only the direction that deviated. */
const partialNetwork: fc.Arbitrary<Partial<NetworkPolicy>> = network.chain(({ingress, egress}) => fc.record({ingress: fc.constant(ingress), egress: fc.constant(egress)}, {requiredKeys: []}));
const mode = fc.constantFrom<MergeMode>('asymmetric', 'symmetric');

const sameIds: ProcessIdMap = {base: id => id, other: id => id};
/** An id map that sends the other object's ids onto the base's pool in some fixed way. */
const idMap: fc.Arbitrary<ProcessIdMap> = fc
	.array(fc.constantFrom(...processIds, 'new_0'), {minLength: processIds.length, maxLength: processIds.length})
	.map(targets => ({base: id => id, other: id => targets[processIds.indexOf(id)] ?? id}));

// ---------------------------------------------------------------------------
// What a network policy allows, connection by connection
// ---------------------------------------------------------------------------

type Endpoint = {name: string} | {family: Net['family']; address: bigint};
type Connection = {direction: 'ingress' | 'egress'; endpoint: Endpoint; protocol: Port['protocol']; port: number; process: string | undefined};

function peersOf(policy: NetworkPolicy, direction: 'ingress' | 'egress'): Array<{peers: Peer[]; ports: Port[]; processes?: string[]}> {
	return direction === 'ingress' ? policy.ingress.map(({from, ...rest}) => ({peers: from, ...rest})) : policy.egress.map(({to, ...rest}) => ({peers: to, ...rest}));
}

/** The pool's networks, whose ends serve as sample addresses inside any block. */
const sampleNets = blocks.flatMap(ipBlock => [ipBlock!.cidr, ...(ipBlock!.except ?? [])]).map(cidr => toNet(cidr)!);

function blockAllows(ipBlock: NonNullable<Peer['ipBlock']>, family: Net['family'], address: bigint): boolean {
	const net = toNet(ipBlock.cidr)!;
	return addressInNet(address, family, net) && !(ipBlock.except ?? []).some(hole => addressInNet(address, family, toNet(hole)!));
}

/** Sample endpoints a peer allows: its names, and the ends of the pool's networks inside its block. */
function endpointsOf(peer: Peer): Endpoint[] {
	if (peer.dnsSelector) return peer.dnsSelector.map(name => ({name}));
	const ipBlock = peer.ipBlock!;
	const family = toNet(ipBlock.cidr)!.family;
	return sampleNets
		.flatMap(net => [net.value, lastAddress(net)].map(address => ({family: net.family, address})))
		.filter(endpoint => endpoint.family === family && blockAllows(ipBlock, family, endpoint.address));
}

/** Every sampled connection a policy allows; `process: undefined` is a process no rule names. */
function connections(policy: NetworkPolicy): Connection[] {
	return (['ingress', 'egress'] as const).flatMap(direction =>
		peersOf(policy, direction).flatMap(({peers, ports, processes}) =>
			peers.flatMap(endpointsOf).flatMap(endpoint =>
				ports.flatMap(range =>
					[range.port, range.endPort ?? range.port].flatMap(number =>
						(processes ?? [undefined]).map(process => ({direction, endpoint, protocol: range.protocol, port: number, process})),
					),
				),
			),
		),
	);
}

function allows(policy: NetworkPolicy, connection: Connection): boolean {
	const {endpoint} = connection;
	return peersOf(policy, connection.direction).some(
		({peers, ports, processes}) =>
			ports.some(range => range.protocol === connection.protocol && range.port <= connection.port && connection.port <= (range.endPort ?? range.port)) &&
			(processes === undefined || (connection.process !== undefined && processes.includes(connection.process))) &&
			peers.some(peer =>
				'name' in endpoint
					? (peer.dnsSelector ?? []).some(pattern => pattern === endpoint.name || globMatches(pattern, endpoint.name))
					: peer.ipBlock !== undefined && !peer.dnsSelector && blockAllows(peer.ipBlock, endpoint.family, endpoint.address),
			),
	);
}

function translated(policy: NetworkPolicy, ids: (id: string) => string): NetworkPolicy {
	const rewrite = <R extends {processes?: string[]}>(rule: R): R => (rule.processes ? {...rule, processes: rule.processes.map(ids)} : rule);
	return {ingress: policy.ingress.map(rewrite), egress: policy.egress.map(rewrite)};
}

function expectCovers(result: NetworkPolicy, covered: NetworkPolicy): void {
	const missing = connections(covered).filter(connection => !allows(result, connection));
	expect(missing).toEqual([]);
}

// ---------------------------------------------------------------------------

describe('network merge properties', () => {
	test('merging a network policy into itself gives its normal form, and the normal form is stable', () => {
		fc.assert(
			fc.property(network, mode, (policy, merging) => {
				const normal = normaliseNetworkPolicy(policy);
				expect(mergeNetworkPolicy(policy, policy, merging, sameIds)).toEqual(normal);
				expect(normaliseNetworkPolicy(normal)).toEqual(normal);
				expect(mergeNetworkPolicy(normal, normal, merging, sameIds)).toEqual(normal);
			}),
			{numRuns},
		);
	});

	test('normalising allows exactly what the policy allows, no less', () => {
		fc.assert(
			fc.property(network, policy => expectCovers(normaliseNetworkPolicy(policy), policy)),
			{numRuns},
		);
	});

	test('merge(p, x) still allows every connection of p, and every connection of x', () => {
		fc.assert(
			fc.property(network, network, mode, idMap, (base, other, merging, ids) => {
				const merged = mergeNetworkPolicy(base, other, merging, ids);
				expectCovers(merged, base);
				expectCovers(merged, translated(other, ids.other));
			}),
			{numRuns},
		);
	});

	test('merge never throws on valid input, leaves its inputs alone, and writes a valid network policy', () => {
		fc.assert(
			fc.property(network, partialNetwork, mode, idMap, (base, other, merging, ids) => {
				const before = structuredClone({base, other});
				const merged = mergeNetworkPolicy(base, other, merging, ids);
				expect({base, other}).toEqual(before);
				expect(networkPolicySchema.safeParse(merged).success).toBe(true);
			}),
			{numRuns},
		);
	});
});
