import type {GivesWayTo, Peer} from './network-blocks.js';
import {PeerSet} from './network-peers.js';
import {fromPortRange, type Port, type PortRange, rangesWithin, toPortRange} from './network-ports.js';
import type {ProcessKeys} from './network-process-keys.js';
import {compareText} from './text-order.js';
import type {MergeMode, NetworkPolicy} from './types.js';

export type IngressRule = NetworkPolicy['ingress'][number];
export type EgressRule = NetworkPolicy['egress'][number];
export type Direction = 'ingress' | 'egress';

/** A network rule while it is being merged: peers, ports and processes in forms that compare quickly. */
export type WorkRule = {
	/** Position in the output: a rule merged into another disappears, the other keeps its place. */
	order: number;
	peers: PeerSet;
	ports: PortRange[];
	/** Merged process ids, sorted and unique; empty means any process. */
	processes: string[];
	/** The processes as the merge's keys, and the distinct classes of those (see ProcessKeys). */
	processKeys: ReadonlySet<number>;
	processClasses: number[];
};

/** How the rules of one input to a merge are read. */
export type RuleReading = {
	/** The merged id of each of the input's process ids. */
	translate: (id: string) => string;
	keys: ProcessKeys;
	/** The base's blocks keep their place (see GivesWayTo). */
	givesWayTo: GivesWayTo;
};

/** Reads a rule; the list that takes it gives it its place. */
export function toWorkRule(peers: readonly Peer[], ports: readonly Port[], processes: readonly string[] | undefined, reading: RuleReading): WorkRule {
	return {order: 0, peers: PeerSet.from(peers, reading.givesWayTo), ports: ports.map(toPortRange), ...processList((processes ?? []).map(reading.translate), reading.keys)};
}

function processList(ids: readonly string[], keys: ProcessKeys): Pick<WorkRule, 'processes' | 'processKeys' | 'processClasses'> {
	const processes = [...new Set(ids)].sort(compareText);
	const processKeys = new Set(processes.map(id => keys.keyOf(id)));
	return {processes, processKeys, processClasses: keys.classesOf(processKeys)};
}

/**
 * Does `outer` allow everything `inner` allows? (spyctl's `inner in outer`.)
 * The ports of inner must lie in outer's ranges, protocol for protocol. With
 * more than one range on either side the rules are taken to be different
 * services, so the peers must be covered too; with one range each, a rule for
 * the same port and processes absorbs any peers. Each process of inner must
 * be one of outer's, or alike one of them. An inner rule for any process
 * fits only an outer rule for any process: spyctl lets it into a rule
 * restricted to some processes, which then forbids what inner allowed.
 */
export function ruleWithin(inner: WorkRule, outer: WorkRule, keys: ProcessKeys): boolean {
	if (!rangesWithin(inner.ports, outer.ports)) return false;
	if ((inner.ports.length > 1 || outer.ports.length > 1) && !outer.peers.covers(inner.peers)) return false;
	if (outer.processes.length === 0) return true;
	if (inner.processes.length === 0) return false;
	// A loop rather than `every` with a closure: this runs for every candidate rule on a busy port.
	for (const key of inner.processKeys) if (!outer.processKeys.has(key) && !keys.alikeToOneOf(keys.classOf(key), outer.processClasses)) return false;
	return true;
}

/**
 * Merges `incoming` into `target`; one of them lies within the other. The
 * merged rule keeps the wider ports, gains the peers it does not cover yet,
 * and allows the processes of both (any process if either allowed any:
 * spyctl's plain union would narrow a rule for any process to the other's
 * list).
 */
export function absorbRule(target: WorkRule, incoming: WorkRule, mode: MergeMode, keys: ProcessKeys): void {
	target.peers.addAll(incoming.peers, mode);
	if (changesProcesses(target, incoming)) {
		const anyProcess = incoming.processes.length === 0;
		Object.assign(target, processList(anyProcess ? [] : [...target.processes, ...incoming.processes], keys));
	}
	if (!rangesWithin(incoming.ports, target.ports)) target.ports = incoming.ports;
}

/** Does absorbing `incoming` change target's processes? Not when target allows any, or names all of incoming's already. */
function changesProcesses(target: WorkRule, incoming: WorkRule): boolean {
	if (target.processes.length === 0) return false;
	if (incoming.processes.length === 0) return true;
	for (const key of incoming.processKeys) if (!target.processKeys.has(key)) return true;
	return false;
}

/** The rule as spyctl writes it (peers, processes, ports); undefined when no peer is left. */
export function fromWorkRule(rule: WorkRule, direction: 'ingress'): IngressRule | undefined;
export function fromWorkRule(rule: WorkRule, direction: 'egress'): EgressRule | undefined;
export function fromWorkRule(rule: WorkRule, direction: Direction): IngressRule | EgressRule | undefined {
	const peers = rule.peers.toPeers();
	if (peers.length === 0) return undefined;
	const processes = rule.processes.length > 0 ? {processes: [...rule.processes]} : {};
	const ports = rule.ports.map(fromPortRange);
	return direction === 'ingress' ? {from: peers, ...processes, ports} : {to: peers, ...processes, ports};
}
