import {isRecord} from '../../policy/is-record.js';
import {disableFlagsOf} from '../../policy/merge/disable-switches.js';
import type {Peer} from '../../policy/merge/network-blocks.js';
import {PeerSet} from '../../policy/merge/network-peers.js';
import {type PortRange, rangesWithin, toPortRange} from '../../policy/merge/network-ports.js';
import {applyDisableFlags} from '../../policy/merge/network.js';
import {mergeProcessEntries} from '../../policy/merge/process-merge.js';
import {buildTree} from '../../policy/merge/process-tree.js';
import type {NetworkPolicy} from '../../policy/merge/types.js';
import type {Activity} from './activity.js';

export type Direction = 'ingress' | 'egress';

/** One connection the policy does not allow: a rule with one peer, one port range and at most one process. */
export type AddedConnection = {direction: Direction; rule: Record<string, unknown>; processId?: string};

type Rule = NetworkPolicy['ingress'][number] | NetworkPolicy['egress'][number];

const peerKeys = {ingress: 'from', egress: 'to'} as const;

/**
 * The observed connections that no rule of the policy allows. A merge does
 * more than add them: a rule that takes in a new peer allows it for all of
 * its processes, so comparing rules before and after the merge would report
 * connections nobody made. Instead each observed connection (one peer × port
 * × process, its process id rewritten to the node the merge put it in) is
 * checked against the policy's rules: inside a rule's ports and peers, and
 * for one of its processes or any. The policy's disable switches filter the
 * activity first, as they do in the merge.
 */
export function addedConnections(policySpec: Record<string, unknown>, before: Activity, activity: Activity): AddedConnection[] {
	const merged = mergeProcessEntries(buildTree(before.processPolicy), activity.processPolicy, 'asymmetric');
	const mergedId = (id: string) => merged.get(id) ?? id;
	const observed = applyDisableFlags(activity.networkPolicy, disableFlagsOf(policySpec));
	const connections = new Map<string, AddedConnection>();
	for (const direction of ['ingress', 'egress'] as const) {
		const allowed = allowedRules(before)[direction];
		for (const rule of observed[direction]) {
			for (const connection of singleConnections(rule, direction, mergedId)) {
				const made = readRule(connection.rule as Rule, direction);
				if (allowed.some(outer => allows(outer, made))) continue;
				// Built in one key order, so its JSON names it.
				connections.set(`${direction} ${JSON.stringify(connection.rule)}`, connection);
			}
		}
	}
	return [...connections.values()];
}

/** The policy's rules read once per baseline (a baseline lives as long as its policy version). */
const readBaselines = new WeakMap<Activity, Record<Direction, ReadRule[]>>();

function allowedRules(before: Activity): Record<Direction, ReadRule[]> {
	let rules = readBaselines.get(before);
	if (!rules) {
		rules = {ingress: before.networkPolicy.ingress.map(rule => readRule(rule, 'ingress')), egress: before.networkPolicy.egress.map(rule => readRule(rule, 'egress'))};
		readBaselines.set(before, rules);
	}
	return rules;
}

/** A rule in the merge engine's terms for peers (blocks, names, globs) and port ranges; no processes means any. */
type ReadRule = {peers: PeerSet; ports: PortRange[]; processes: ReadonlySet<string>};

function readRule(rule: Rule, direction: Direction): ReadRule {
	const peers = (rule as Record<string, unknown>)[peerKeys[direction]] as Peer[];
	return {peers: PeerSet.from(peers), ports: rule.ports.map(port => toPortRange(port)), processes: new Set(rule.processes ?? [])};
}

function allows(outer: ReadRule, connection: ReadRule): boolean {
	if (!rangesWithin(connection.ports, outer.ports) || !outer.peers.covers(connection.peers)) return false;
	return outer.processes.size === 0 || [...connection.processes].every(id => outer.processes.has(id));
}

/** A rule's connections: each DNS name and each block on its own, for each port and each process (or any process). */
function singleConnections(rule: Rule, direction: Direction, mergedId: (id: string) => string): AddedConnection[] {
	const peerKey = peerKeys[direction];
	const peers = ((rule as Record<string, unknown>)[peerKey] as Peer[]).flatMap(peer => singlePeers(peer));
	const processes = rule.processes && rule.processes.length > 0 ? rule.processes.map(mergedId) : [undefined];
	const connections: AddedConnection[] = [];
	for (const peer of peers) {
		for (const port of rule.ports) {
			for (const processId of processes) {
				connections.push({direction, rule: {[peerKey]: [peer], ports: [port], ...(processId === undefined ? {} : {processes: [processId]})}, processId});
			}
		}
	}
	return connections;
}

function singlePeers(peer: Peer): Peer[] {
	if (!isRecord(peer) || !Array.isArray(peer.dnsSelector) || peer.ipBlock !== undefined) return [peer];
	return peer.dnsSelector.map(name => ({dnsSelector: [name]}));
}
