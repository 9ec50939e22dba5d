import type {ProcessesAlike} from './network-process-alike.js';
import {ProcessKeys} from './network-process-keys.js';
import type {WorkRule} from './network-rule.js';
import {RuleList} from './network-rule-list.js';
import type {MergeMode, NetworkPolicy, ProcessIdMap} from './types.js';

export {applyDisableFlags, type DisableFlags} from './network-disable.js';
export {type ProcessesAlike, processesAlikeIn} from './network-process-alike.js';

/** One object to merge into a network policy, with the merged id of each of its process ids. */
export type NetworkMergeInput = {
	network: Partial<NetworkPolicy>;
	ids: (id: string) => string;
};

export type NetworkMergeOptions = {
	/** The merged id of each base process id; unchanged when absent. */
	baseIds?: (id: string) => string;
	/**
	 * Whether two merged process ids name alike processes, so that rules for
	 * them can merge as spyctl merges them; build it with processesAlikeIn
	 * from the merged process tree. Without it only equal ids match.
	 */
	alike?: ProcessesAlike;
};

const sameId = (id: string) => id;
const onlyEqual: ProcessesAlike = () => false;

/**
 * Merges the network policy of `other` into `base` as spyctl does (reference
 * §4.8). Both lists are first merged internally; then each incoming rule
 * joins the first base rule that contains it (symmetric mode: the first one
 * related to it either way), or is appended. Base process ids are rewritten
 * through `ids.base`, the other object's through `ids.other`. The result is
 * in spyctl's output form (see normaliseNetworkPolicy), except that an
 * asymmetric merge never drops or replaces a block of the base: a wider
 * incoming block joins the rule beside it (see GivesWayTo).
 */
export function mergeNetworkPolicy(base: NetworkPolicy, other: Partial<NetworkPolicy>, mode: MergeMode, ids: ProcessIdMap, alike?: ProcessesAlike): NetworkPolicy {
	return mergeNetworkPolicies(base, [{network: other, ids: ids.other}], mode, {baseIds: ids.base, alike});
}

/**
 * Merges several objects into `base` in one go, as merging them one after
 * another would, but reading and combining the base rules only once: merging
 * thousands of deviations one call at a time would re-read every base rule
 * for each of them. The internal merge that spyctl repeats after each object
 * runs once, at the end.
 */
export function mergeNetworkPolicies(base: NetworkPolicy, others: readonly NetworkMergeInput[], mode: MergeMode, options: NetworkMergeOptions = {}): NetworkPolicy {
	const {baseIds = sameId, alike = onlyEqual} = options;
	const keys = new ProcessKeys(alike);
	// An asymmetric merge only adds to the base: its IP blocks stay beside wider incoming ones (reference §4.8).
	const baseReading = {translate: baseIds, keys, givesWayTo: mode === 'asymmetric' ? 'none' : 'incoming'} as const;
	const ingress = new RuleList(base.ingress, baseReading);
	const egress = new RuleList(base.egress, baseReading);
	ingress.consolidate();
	egress.consolidate();
	for (const {network, ids} of others) {
		const reading = {translate: ids, keys, givesWayTo: 'any'} as const;
		mergeList(ingress, RuleList.combined(network.ingress ?? [], reading), mode);
		mergeList(egress, RuleList.combined(network.egress ?? [], reading), mode);
	}
	ingress.consolidate();
	egress.consolidate();
	return {ingress: ingress.toRules('ingress'), egress: egress.toRules('egress')};
}

/**
 * Merges one object's rules. In asymmetric mode the blocks it brought then
 * settle into the base, so that a later object's wider block joins them
 * rather than replacing them, as when the objects are merged one by one.
 */
function mergeList(target: RuleList, incoming: readonly WorkRule[], mode: MergeMode): void {
	const touched = new Set(incoming.map(rule => target.mergeIn(rule, mode)));
	if (mode === 'asymmetric') for (const rule of touched) rule.peers.settle();
}

/**
 * A network policy as spyctl writes it: rules that contain one another
 * combined, in their original order; in each rule the peers as one
 * `dnsSelector` per name (sorted), then IPv4 and IPv6 blocks (sorted, cidrs
 * in Python's spelling), the processes sorted, and the ports as given.
 * Create, merge and the idempotence check all use it. Unlike spyctl, a block
 * inside another block of the policy stays: merge(p, p) must give this form,
 * and a merge does not rewrite the base's blocks (see GivesWayTo).
 */
export function normaliseNetworkPolicy(network: NetworkPolicy, alike?: ProcessesAlike): NetworkPolicy {
	return mergeNetworkPolicies(network, [], 'asymmetric', {alike});
}
