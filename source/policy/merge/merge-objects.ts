import {isRecord} from '../is-record.js';
import {disableFlagsOf} from './disable-switches.js';
import {metadataOf, mergeInputs, type SpyderbatObject, specOf, targetKinds} from './merge-inputs.js';
import {mergeMetadata} from './metadata.js';
import {applyDisableFlags, type DisableFlags, mergeNetworkPolicies, type NetworkMergeInput, processesAlikeIn} from './network.js';
import {mergeProcessEntries, type ProcessEntry, unknownPolicyNodes} from './process-merge.js';
import {serialiseTree} from './process-output.js';
import {buildTree, type ProcessTree} from './process-tree.js';
import {mergeSelectors, selectorKeys} from './selectors.js';
import {mismatch, type SkippedObject} from './skip-reasons.js';
import type {MergeMode, NetworkPolicy, ProcessNode} from './types.js';

export type MergeOptions = {
	/** Switches applied on top of the target's own, as `create -d/-D` asks. */
	disable?: DisableFlags;
};

export type MergeResult = {
	merged: SpyderbatObject;
	/** How many objects went into the merge (a fingerprint group counts each fingerprint). */
	mergedCount: number;
	skipped: SkippedObject[];
};

/** The target itself cannot take a merge; nothing was merged. */
export class MergeTargetError extends Error {
	override name = 'MergeTargetError';
}

const mergedSpecKeys = new Set([...selectorKeys, 'processPolicy', 'networkPolicy']);

/**
 * Merges `other` (one object or several, in order) into `target` by spyctl's
 * rules (reference §4.8) and returns a new object; the inputs are not
 * changed. Objects of another type, deviations of another policy, and
 * deviations that name a node the tree lacks are skipped with a reason.
 */
export function mergeObjects(target: SpyderbatObject, other: SpyderbatObject | readonly SpyderbatObject[], mode: MergeMode, options: MergeOptions = {}): MergeResult {
	checkTarget(target);
	const baseSpec = specOf(target);
	const flags: DisableFlags = {...disableFlagsOf(baseSpec), ...options.disable};
	const processesDisabled = flags.disableProcesses === 'all';
	const switchedOff = (network: unknown): NetworkPolicy => (Object.keys(flags).length > 0 ? applyDisableFlags(fullNetwork(network), flags) : fullNetwork(network));
	const state = {
		metadata: {...metadataOf(target)},
		spec: {...baseSpec},
		tree: undefined as ProcessTree | undefined,
		processesTouched: false,
	};
	const treeOf = (): ProcessTree => (state.tree ??= buildTree(processPolicyOf(baseSpec)));
	const networkInputs: NetworkMergeInput[] = [];
	const skipped: SkippedObject[] = [];
	let mergedCount = 0;

	for (const object of (Array.isArray(other) ? other : [other]).flatMap(mergeInputs)) {
		const otherSpec = specOf(object);
		const entries = Array.isArray(otherSpec['processPolicy']) ? (otherSpec['processPolicy'] as ProcessEntry[]) : undefined;
		const mergesProcesses = entries !== undefined && !processesDisabled;
		const unknownNodes = mergesProcesses ? unknownPolicyNodes(treeOf(), entries) : [];
		const reason = mismatch(target, object) ?? (unknownNodes.length > 0 ? {kind: 'unknown-policy-node' as const, ids: unknownNodes} : undefined);
		if (reason) {
			skipped.push({object, reason});
			continue;
		}

		mergedCount++;
		state.metadata = mergeMetadata(state.metadata, metadataOf(object), mode);
		applySelectors(state.spec, mergeSelectors(state.spec, otherSpec, mode));
		if (mode === 'symmetric') dropUnshared(state.spec, otherSpec);
		if (entries) state.processesTouched = true;
		const ids = mergesProcesses ? mergeProcessEntries(treeOf(), entries, mode) : new Map<string, string>();
		if (isRecord(otherSpec['networkPolicy'])) {
			networkInputs.push({network: switchedOff(otherSpec['networkPolicy']), ids: id => ids.get(id) ?? id});
		}
	}

	const spec = state.spec;
	if (state.processesTouched) spec['processPolicy'] = processesDisabled ? [] : serialiseTree(treeOf());
	if (networkInputs.length > 0) {
		// Rules of alike processes (the same program at two places in the tree) merge too, as in spyctl.
		const alike = processesAlikeIn(processPolicyOf(spec));
		spec['networkPolicy'] = mergeNetworkPolicies(switchedOff(baseSpec['networkPolicy']), networkInputs, mode, {alike});
	}
	return {merged: {...target, metadata: state.metadata, spec}, mergedCount, skipped};
}

/** Only workload objects have process and network rules to merge. */
function checkTarget(target: SpyderbatObject): void {
	const kind = target['kind'];
	if (!(targetKinds as readonly unknown[]).includes(kind)) {
		throw new MergeTargetError(`cannot merge into a ${String(kind)}: the target must be a ${targetKinds.join(', ')}`);
	}
	const type = metadataOf(target)['type'];
	if (type !== 'container' && type !== 'linux-service') {
		throw new MergeTargetError(`cannot merge into a policy of type '${String(type)}': only container and linux-service policies have process and network rules to merge`);
	}
}

/** Replaces merged selectors where they stand, so the spec keeps its key order; dropped ones go. */
function applySelectors(spec: Record<string, unknown>, selectors: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(selectors)) {
		if (value === undefined) delete spec[key];
		else spec[key] = value;
	}
}

/** A symmetric merge keeps a switch (mode, enabled, response, disable…) only when both sides set it, as spyctl does. */
function dropUnshared(spec: Record<string, unknown>, otherSpec: Record<string, unknown>): void {
	for (const key of Object.keys(spec)) {
		if (!mergedSpecKeys.has(key) && otherSpec[key] === undefined) delete spec[key];
	}
}

function processPolicyOf(spec: Record<string, unknown>): ProcessNode[] {
	return Array.isArray(spec['processPolicy']) ? (spec['processPolicy'] as ProcessNode[]) : [];
}

/** Deviations carry only the direction that deviated; the other is empty. */
function fullNetwork(value: unknown): NetworkPolicy {
	const network = isRecord(value) ? value : {};
	return {
		ingress: Array.isArray(network['ingress']) ? (network['ingress'] as NetworkPolicy['ingress']) : [],
		egress: Array.isArray(network['egress']) ? (network['egress'] as NetworkPolicy['egress']) : [],
	};
}
