import type {ProcessesAlike} from './network-process-alike.js';
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
 * in spyctl's output form (see normaliseNetworkPolicy).
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
	const ingress = new RuleList(base.ingress, baseIds, alike);
	const egress = new RuleList(base.egress, baseIds, alike);
	ingress.consolidate();
	egress.consolidate();
	for (const {network, ids} of others) {
		mergeList(ingress, new RuleList(network.ingress ?? [], ids, alike), mode);
		mergeList(egress, new RuleList(network.egress ?? [], ids, alike), mode);
	}
	ingress.consolidate();
	egress.consolidate();
	return {ingress: ingress.toRules('ingress'), egress: egress.toRules('egress')};
}

function mergeList(target: RuleList, incoming: RuleList, mode: MergeMode): void {
	incoming.consolidate();
	for (const rule of incoming.ordered) target.mergeIn(rule, mode);
}

/**
 * A network policy as spyctl writes it: rules that contain one another
 * combined, in their original order; in each rule the peers as one
 * `dnsSelector` per name (sorted), then IPv4 and IPv6 blocks (sorted, blocks
 * inside another dropped, cidrs in Python's spelling), the processes sorted,
 * and the ports as given. Create, merge and the idempotence check all use it.
 */
export function normaliseNetworkPolicy(network: NetworkPolicy, alike?: ProcessesAlike): NetworkPolicy {
	return mergeNetworkPolicies(network, [], 'asymmetric', {alike});
}
