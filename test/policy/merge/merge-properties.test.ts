import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {isSubnetOf, parseNetwork} from '../../../source/policy/cidr.js';
import {createPolicy} from '../../../source/policy/create/create-policy.js';
import {globMatches} from '../../../source/policy/merge/glob.js';
import type {SpyderbatObject} from '../../../source/policy/merge/merge-inputs.js';
import {mergeObjects} from '../../../source/policy/merge/merge-objects.js';
import {normaliseNetworkPolicy, processesAlikeIn} from '../../../source/policy/merge/network.js';
import type {NetworkPolicy, ProcessNode} from '../../../source/policy/merge/types.js';
import {validateObject} from '../../../source/policy/validate.js';
import {deviationOf, workload} from './arbitraries.js';

const numRuns = 150;

type Spec = {processPolicy: ProcessNode[]; networkPolicy: NetworkPolicy} & Record<string, unknown>;
const specOf = (object: SpyderbatObject) => object['spec'] as Spec;
const merge = (target: SpyderbatObject, other: SpyderbatObject) => mergeObjects(target, other, 'asymmetric').merged;

type Port = NetworkPolicy['egress'][number]['ports'][number];
type Peer = NetworkPolicy['egress'][number]['to'][number];

/** Each node with its parent and the users it runs as (its own, else inherited). */
type Placed = {node: ProcessNode; parent: string | undefined; eusers: string[]};

function placed(nodes: readonly ProcessNode[], parent?: Placed): Placed[] {
	return nodes.flatMap(node => {
		const here = {node, parent: parent?.node.id, eusers: node.euser ?? parent?.eusers ?? []};
		return [here, ...placed(node.children ?? [], here)];
	});
}

/** The process tree as a set of facts, independent of order and of where an euser is written. */
function processFacts(nodes: readonly ProcessNode[]): string[] {
	return placed(nodes)
		.map(({node, parent, eusers}) => JSON.stringify([node.id, parent, node.name, [...new Set(node.exe)].sort(), [...new Set(eusers)].sort(), (node.listeningSockets ?? []).map(portText).sort()]))
		.sort();
}

const portText = (port: Port) => `${port.protocol}/${port.port}-${port.endPort ?? port.port}`;

type Connection = {direction: 'ingress' | 'egress'; peer: Peer; port: Port; process: string | undefined};

function connectionsOf(network: NetworkPolicy): Connection[] {
	const each = (direction: Connection['direction'], rules: Array<{peers: Peer[]; ports: Port[]; processes?: string[]}>) =>
		rules.flatMap(rule => rule.peers.flatMap(singlePeers).flatMap(peer => rule.ports.flatMap(port => (rule.processes ?? [undefined]).map(process => ({direction, peer, port, process})))));
	return [...each('ingress', network.ingress.map(rule => ({...rule, peers: rule.from}))), ...each('egress', network.egress.map(rule => ({...rule, peers: rule.to})))];
}

/** A peer naming several hosts stands for one connection per host. */
function singlePeers(peer: Peer): Peer[] {
	return peer.dnsSelector ? peer.dnsSelector.map(name => ({dnsSelector: [name]})) : [peer];
}

function portCovers(outer: Port, inner: Port): boolean {
	return outer.protocol === inner.protocol && outer.port <= inner.port && (inner.endPort ?? inner.port) <= (outer.endPort ?? outer.port);
}

function peerCovers(outer: Peer, inner: Peer): boolean {
	if (inner.dnsSelector) return outer.dnsSelector?.some(pattern => globMatches(pattern, inner.dnsSelector![0]!)) ?? false;
	const innerNet = parseNetwork(inner.ipBlock!.cidr)!;
	const outerNet = outer.ipBlock ? parseNetwork(outer.ipBlock.cidr) : undefined;
	return outerNet !== undefined && isSubnetOf(innerNet, outerNet) && (outer.ipBlock!.except ?? []).length === 0;
}

/** Is the connection allowed by some rule of `network`? A rule without processes allows any process. */
function allows(network: NetworkPolicy, connection: Connection): boolean {
	const rules = connection.direction === 'ingress' ? network.ingress.map(rule => ({...rule, peers: rule.from})) : network.egress.map(rule => ({...rule, peers: rule.to}));
	return rules.some(
		rule =>
			rule.ports.some(port => portCovers(port, connection.port)) &&
			rule.peers.some(peer => peerCovers(peer, connection.peer)) &&
			(rule.processes === undefined || (connection.process !== undefined && rule.processes.includes(connection.process))),
	);
}

/** Every process of `before` is still there, at its place, allowing at least what it allowed. */
function expectProcessesCovered(before: readonly ProcessNode[], after: readonly ProcessNode[]): void {
	const afterById = new Map(placed(after).map(entry => [entry.node.id, entry]));
	for (const {node, parent, eusers} of placed(before)) {
		const found = afterById.get(node.id);
		expect(found, node.id).toBeDefined();
		expect(found!.parent, node.id).toBe(parent);
		expect(found!.node.name, node.id).toBe(node.name);
		expect(found!.node.exe, node.id).toEqual(expect.arrayContaining(node.exe));
		expect(found!.eusers, node.id).toEqual(expect.arrayContaining(eusers));
		for (const socket of node.listeningSockets ?? []) expect((found!.node.listeningSockets ?? []).some(existing => portCovers(existing, socket)), `${node.id} ${portText(socket)}`).toBe(true);
	}
}

const other = fc.oneof(workload('SpyderbatPolicy'), workload('SpyderbatBaseline'));

describe('merge properties', () => {
	// spyctl writes network rules in a normal form (rules that contain one another combined), so p's
	// network is compared in that form; the process tree has no such step.
	test('merge(p, p) has the same spec as p: no node added or moved, same exes, users and rules', () => {
		fc.assert(
			fc.property(workload(), policy => {
				const merged = merge(policy, policy);
				expect(processFacts(specOf(merged).processPolicy)).toEqual(processFacts(specOf(policy).processPolicy));
				expect(specOf(merged).networkPolicy).toEqual(normaliseNetworkPolicy(specOf(policy).networkPolicy, processesAlikeIn(specOf(policy).processPolicy)));
				expect({...specOf(merged), processPolicy: undefined, networkPolicy: undefined}).toEqual({...specOf(policy), processPolicy: undefined, networkPolicy: undefined});
			}),
			{numRuns},
		);
	});

	test('merging is a fixed point once normalised: merge(m, m) = m for m = merge(p, x)', () => {
		fc.assert(
			fc.property(workload(), other, (policy, object) => {
				const once = merge(policy, object);
				expect(merge(once, once)).toEqual(once);
			}),
			{numRuns},
		);
	});

	test('merge(p, x) covers p: every process and connection p allows is still allowed', () => {
		fc.assert(
			fc.property(
				workload().chain(policy => fc.tuple(fc.constant(policy), fc.oneof(other, deviationOf(policy)))),
				([policy, object]) => {
					const merged = merge(policy, object);
					expectProcessesCovered(specOf(policy).processPolicy, specOf(merged).processPolicy);
					for (const connection of connectionsOf(specOf(policy).networkPolicy)) expect(allows(specOf(merged).networkPolicy, connection), JSON.stringify(connection)).toBe(true);
				},
			),
			{numRuns},
		);
	});

	test('the result of a merge always validates', () => {
		fc.assert(
			fc.property(
				workload().chain(policy => fc.tuple(fc.constant(policy), fc.array(fc.oneof(other, deviationOf(policy)), {minLength: 1, maxLength: 3}))),
				([policy, objects]) => {
					const {merged, skipped} = mergeObjects(policy, objects, 'asymmetric');
					expect(skipped).toEqual([]);
					expect(validateObject(merged)).toEqual([]);
				},
			),
			{numRuns},
		);
	});

	test('create from several baselines always validates and keeps every process of the first', () => {
		fc.assert(
			fc.property(fc.array(workload('SpyderbatBaseline'), {minLength: 1, maxLength: 3}), baselines => {
				const {policy} = createPolicy(baselines);
				expect(validateObject(policy)).toEqual([]);
				const ids = new Set(placed(specOf(policy).processPolicy).map(({node}) => node.id));
				for (const {node} of placed(specOf(baselines[0]!).processPolicy)) expect(ids.has(node.id), node.id).toBe(true);
			}),
			{numRuns},
		);
	});
});
