import {isRecord} from '../../policy/is-record.js';
import {mergeObjects} from '../../policy/merge/merge-objects.js';
import type {PolicyRecord} from '../policy-record.js';
import type {PolicyStore} from '../store/policies.js';
import {type Activity, activityFingerprint, activityOf} from './activity.js';
import {selectorsMatch, workloadSelectorKeys} from './selector-match.js';
import type {Workload} from './workload.js';

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

/** What is kept of every enabled policy: enough to tell whether its selectors pick a workload. */
type PolicyScope = {uid: string; version: number; selectors: Record<string, unknown>};

/** Fully prepared policies kept at once; those a busy host's workloads match are a small share of a large org. */
const maximumPrepared = 256;

/**
 * The enabled policies, by workload type. Of each only its selectors are
 * kept, until the store's revision changes; a policy whose selectors pick a
 * workload is read and prepared when it is first needed, and its baseline
 * kept until a new version. A large org's policies are thus never all held
 * parsed at once.
 */
export function policyCatalog(orgUid: string, policies: PolicyStore) {
	const byType = new Map<string, {revision: string; scopes: PolicyScope[]}>();
	const prepared = new Map<string, PreparedPolicy>();
	const baselines: BaselineCache = new Map();

	function scopesOf(type: string): PolicyScope[] {
		const revision = policies.revision();
		const cached = byType.get(type);
		if (cached?.revision === revision) return cached.scopes;
		const scopes: PolicyScope[] = [];
		policies.forEachOfType(orgUid, type, text => {
			const record = JSON.parse(text) as PolicyRecord;
			if (!isEnabled(record)) return;
			const selectors = Object.fromEntries(workloadSelectorKeys.filter(key => key in record.policy.spec).map(key => [key, record.policy.spec[key]]));
			scopes.push({uid: record.uid, version: record.version, selectors});
		});
		prepared.clear();
		byType.set(type, {revision, scopes});
		return scopes;
	}

	function preparedOf(scope: PolicyScope): PreparedPolicy {
		const kept = prepared.get(scope.uid);
		if (kept?.version === scope.version) return kept;
		const policy = preparePolicy(policies.get(orgUid, scope.uid), baselines);
		if (prepared.size >= maximumPrepared) prepared.clear();
		prepared.set(scope.uid, policy);
		return policy;
	}

	/** The enabled policies whose selectors pick `workload`, ready to evaluate. */
	function matching(workload: Workload): PreparedPolicy[] {
		return scopesOf(workload.type)
			.filter(scope => selectorsMatch(scope.selectors, workload))
			.map(scope => preparedOf(scope));
	}

	return {matching};
}

/** `enabled` absent means enabled (reference §1.3). */
function isEnabled(record: PolicyRecord): boolean {
	return isRecord(record.policy.spec) && record.policy.spec['enabled'] !== false;
}
