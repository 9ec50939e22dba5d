import {diffPolicies} from '../../policy/diff/policy-diff.js';
import {disableFlagsOf} from '../../policy/merge/disable-switches.js';
import {mergeObjects} from '../../policy/merge/merge-objects.js';
import {type Activity, activityFingerprint, activityOf} from './activity.js';
import {type AddedConnection, addedConnections} from './added-connections.js';
import type {PreparedPolicy} from './policy-catalog.js';
import {processChanges, type ProcessChange} from './process-changes.js';
import {type IndexedProcess, indexProcesses} from './process-index.js';

/** The GuardianDeviation spec: merged into the policy, it adds what the activity added. */
export type DeviationSpec = {
	processPolicy?: unknown[];
	networkPolicy?: {ingress?: unknown[]; egress?: unknown[]};
};

/**
 * One deviation: a process (a new node with its subtree and their new
 * connections, or a widened node), or a connection of a process the policy
 * already had.
 */
export type Finding = {
	spec: DeviationSpec;
	/** The processes that deviated, the one the deviation is about first; empty for a connection with no process. */
	processes: IndexedProcess[];
	/** What the deviation is about, for its wording. */
	subject: {kind: 'process'; change: ProcessChange} | {kind: 'connection'; connection: AddedConnection; process?: IndexedProcess};
};

/**
 * What the activity would add to the policy. Processes: the activity's tree
 * is merged into the policy (asymmetric, as `spyctl merge` does) and the
 * result is diffed with the policy; every node added or widened deviates.
 * Connections: each one the activity made is checked against the policy's
 * rules with the merge engine's own containment (see addedConnections).
 * Evaluation is the merge engine run in reverse, not a rule system of its own.
 */
export function findDeviations(policy: PreparedPolicy, activity: Activity): Finding[] {
	const before = policy.baseline();
	const {changes: processes, index: afterIndex} = disableFlagsOf(policy.spec).disableProcesses === 'all' ? noProcessChanges(before) : processDeviations(policy, before, activity);
	const connections = hasConnections(activity) ? addedConnections(policy.spec, before, activity) : [];
	if (processes.length === 0 && connections.length === 0) return [];

	// A new process's connections belong to its deviation: merged alone, they would name a process the policy lacks.
	const ownerOf = new Map<string, ProcessChange>();
	for (const change of processes) if (change.kind === 'new') for (const process of change.processes) ownerOf.set(process.id, change);
	const owned = new Map<ProcessChange, AddedConnection[]>();
	const standalone: Finding[] = [];
	for (const connection of connections) {
		const owner = connection.processId === undefined ? undefined : ownerOf.get(connection.processId);
		if (owner) owned.set(owner, [...(owned.get(owner) ?? []), connection]);
		else standalone.push(connectionFinding(connection, connection.processId === undefined ? undefined : afterIndex.get(connection.processId)));
	}
	return [...processes.map(change => processFinding(change, owned.get(change) ?? [])), ...standalone];
}

/** The process changes, and the processes of the merged tree by id (new ones included) that they and connections name. */
type ProcessDeviations = {changes: ProcessChange[]; index: Map<string, IndexedProcess>};

/** The process tree merged (network left out: connections are checked on their own) and diffed with the policy's. */
function processDeviations(policy: PreparedPolicy, before: Activity, activity: Activity): ProcessDeviations {
	if (activity.processPolicy.length === 0) return noProcessChanges(before);
	const merged = mergeObjects(policy.document, activityFingerprint(policy.type, {processPolicy: activity.processPolicy}), 'asymmetric');
	const after = activityOf(merged.merged['spec'] as Record<string, unknown>).processPolicy;
	const {changes} = diffPolicies({processPolicy: before.processPolicy}, {processPolicy: after});
	if (changes.length === 0) return noProcessChanges(before);
	const index = indexProcesses(after);
	return {changes: processChanges(changes, indexedBaseline(before), index, after), index};
}

function noProcessChanges(before: Activity): ProcessDeviations {
	return {changes: [], index: indexedBaseline(before)};
}

function hasConnections(activity: Activity): boolean {
	return activity.networkPolicy.ingress.length > 0 || activity.networkPolicy.egress.length > 0;
}

/** The baseline's processes by id, computed once per baseline (a baseline lives as long as its policy version). */
const baselineIndexes = new WeakMap<Activity, Map<string, IndexedProcess>>();

function indexedBaseline(before: Activity): Map<string, IndexedProcess> {
	let index = baselineIndexes.get(before);
	if (!index) baselineIndexes.set(before, (index = indexProcesses(before.processPolicy)));
	return index;
}

function processFinding(change: ProcessChange, connections: readonly AddedConnection[]): Finding {
	const parentId = change.process.parentId;
	const entry = parentId === undefined ? change.node : {policyNode: {id: parentId, children: [change.node]}};
	return {spec: {processPolicy: [entry], ...networkOf(connections)}, processes: change.processes, subject: {kind: 'process', change}};
}

/**
 * A connection of a process the policy has. With processes switched off
 * (`disableProcesses: all`) its process is not in the policy, so the rule
 * names none: it must merge into a policy whose rules name only its processes.
 */
function connectionFinding(connection: AddedConnection, process: IndexedProcess | undefined): Finding {
	const {processes: _unknown, ...anyProcess} = connection.rule;
	const rule = process || connection.processId === undefined ? connection : {...connection, rule: anyProcess, processId: undefined};
	return {spec: networkOf([rule]), processes: process ? [process] : [], subject: {kind: 'connection', connection: rule, process}};
}

/** Deviations carry only the directions that deviated (reference §1.10). */
function networkOf(connections: readonly AddedConnection[]): Pick<DeviationSpec, 'networkPolicy'> {
	if (connections.length === 0) return {};
	const network: NonNullable<DeviationSpec['networkPolicy']> = {};
	for (const {direction, rule} of connections) (network[direction] ??= []).push(rule);
	return {networkPolicy: network};
}
