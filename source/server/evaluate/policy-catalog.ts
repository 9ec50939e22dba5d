import {isRecord} from '../../policy/is-record.js';
import {mergeObjects} from '../../policy/merge/merge-objects.js';
import type {PolicyRecord} from '../policy-record.js';
import type {PolicyStore} from '../store/policies.js';
import {type Activity, activityFingerprint, activityOf} from './activity.js';

/** An enabled policy, ready to evaluate activity against. */
export type PreparedPolicy = {
	uid: string;
	name: string;
	type: string;
	mode: 'audit' | 'enforce';
	version: number;
	document: Record<string, unknown>;
	spec: Record<string, unknown>;
	/**
	 * The policy's activity as the merge engine writes it (exes sorted,
	 * children by name, network rules combined). A merge result is compared
	 * with this rather than with the policy as written, so that the merge's
	 * own tidying is never mistaken for activity.
	 */
	baseline: () => Activity;
};

type BaselineCache = Map<string, {version: number; activity: Activity}>;

/** A stored policy, ready to evaluate; baselines are computed on first use and kept in `cache` by uid and version. */
export function preparePolicy(record: Pick<PolicyRecord, 'uid' | 'name' | 'type' | 'version' | 'policy'>, cache: BaselineCache = new Map()): PreparedPolicy {
	const document = record.policy as Record<string, unknown>;
	const spec = record.policy.spec;
	return {
		uid: record.uid,
		name: record.name,
		type: record.type,
		mode: spec['mode'] === 'enforce' ? 'enforce' : 'audit',
		version: record.version,
		document,
		spec,
		baseline: () => {
			const cached = cache.get(record.uid);
			if (cached?.version === record.version) return cached.activity;
			const activity = activityOf(mergeObjects(document, activityFingerprint(record.type, activityOf({})), 'asymmetric').merged['spec'] as Record<string, unknown>);
			cache.set(record.uid, {version: record.version, activity});
			return activity;
		},
	};
}

/**
 * The enabled policies of each workload type. The store answers a list from
 * its cache until a policy changes, with the very same text, so the parsed
 * policies are kept until then, and their baselines until a new version.
 */
export function policyCatalog(orgUid: string, policies: PolicyStore) {
	const byType = new Map<string, {text: string; prepared: PreparedPolicy[]}>();
	const baselines: BaselineCache = new Map();

	function enabledPolicies(type: string): PreparedPolicy[] {
		const text = policies.listJson(orgUid, {type});
		const cached = byType.get(type);
		if (cached?.text === text) return cached.prepared;
		const records = JSON.parse(text) as PolicyRecord[];
		const prepared = records.filter(record => isEnabled(record)).map(record => preparePolicy(record, baselines));
		byType.set(type, {text, prepared});
		return prepared;
	}

	return {enabledPolicies};
}

/** `enabled` absent means enabled (reference §1.3). */
function isEnabled(record: PolicyRecord): boolean {
	return isRecord(record.policy.spec) && record.policy.spec['enabled'] !== false;
}
