import type {ApiClient} from '../api/client.js';
import {ApiRequestError} from '../api/errors.js';
import type {PolicyDocument, ServerPolicy} from '../api/policy-records.js';
import type {SearchWindow} from '../api/search.js';
import {type DeviationRecord, queryString} from '../api/search-records.js';
import {diffPolicies, specChanged} from '../policy/diff/policy-diff.js';
import {isRecord} from '../policy/is-record.js';
import {mergeObjects} from '../policy/merge/merge-objects.js';

/** Policies searched at once: each is a search job on the server. */
const concurrency = 4;

/**
 * Every deviation record of a policy in the window, repeats included (the
 * client's `deviations` keeps one per checksum, which cannot count them).
 * Each document carries its record's checksum, as spyctl's output does.
 */
export async function deviationRecords(client: ApiClient, policyUid: string, window: SearchWindow): Promise<DeviationRecord[]> {
	const records = await client.search({schema: 'event_deviation', query: `policy_uid = ${queryString(policyUid)}`, ...window});
	return records.map(record => {
		const {id, time, checksum, deviation} = record;
		if (typeof id !== 'string' || typeof time !== 'number' || typeof checksum !== 'string' || !isRecord(deviation)) {
			throw new ApiRequestError('protocol', `the API returned a deviation of ${policyUid} without an id, time, checksum or deviation document`);
		}
		const metadata = isRecord(deviation['metadata']) ? deviation['metadata'] : {};
		// A deviation names its policy; older records left that to the record, and merge needs it.
		const document = {...deviation, metadata: {...metadata, policy_uid: metadata['policy_uid'] ?? policyUid, checksum}};
		return {...record, id, time, checksum, policy_uid: policyUid, deviation: document};
	});
}

/**
 * Whether deviations still matter to a policy (reference §4.8): merging one
 * into the policy must change its spec. Merge writes the parts it touches (the
 * process tree, the network rules) in its canonical order, so the result is
 * compared with the policy put through an empty merge of the same parts;
 * otherwise a policy stored in another order would make every deviation look
 * new. Answers are kept per checksum. Merge takes only container and
 * linux-service policies; the deviations of others all count.
 */
export function relevanceCheck(policy: PolicyDocument): (record: DeviationRecord) => boolean {
	const type = policy.metadata['type'];
	if (type !== 'container' && type !== 'linux-service') return () => true;
	const target = policy as unknown as Record<string, unknown>;
	const uid = String(policy.metadata['uid'] ?? '');
	const baselines = new Map<string, Record<string, unknown>>();
	const baselineFor = (parts: {processes: boolean; network: boolean}) => {
		const key = `${parts.processes}/${parts.network}`;
		let baseline = baselines.get(key);
		if (!baseline) {
			const spec = {...(parts.processes ? {processPolicy: []} : {}), ...(parts.network ? {networkPolicy: {ingress: [], egress: []}} : {})};
			baseline = mergeObjects(target, {apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: {type, policy_uid: uid}, spec}, 'asymmetric').merged;
			baselines.set(key, baseline);
		}
		return baseline;
	};
	const answers = new Map<string, boolean>();
	return record => {
		let relevant = answers.get(record.checksum);
		if (relevant === undefined) {
			const result = mergeObjects(target, record.deviation, 'asymmetric');
			// Skipped (another policy's, or under a node the policy no longer has): it cannot change anything.
			const spec = isRecord(record.deviation['spec']) ? record.deviation['spec'] : {};
			relevant = result.mergedCount > 0 && specChanged(diffPolicies(baselineFor({processes: Array.isArray(spec['processPolicy']), network: isRecord(spec['networkPolicy'])}), result.merged));
			answers.set(record.checksum, relevant);
		}
		return relevant;
	};
}

/** Each policy's deviations in the window, oldest first: only the relevant ones unless `includeIrrelevant`. */
export async function policiesDeviations(
	client: ApiClient,
	policies: readonly ServerPolicy[],
	window: SearchWindow,
	options: {includeIrrelevant?: boolean} = {},
): Promise<Map<string, DeviationRecord[]>> {
	const found = new Map<string, DeviationRecord[]>();
	const queue = [...policies];
	const worker = async () => {
		for (let policy = queue.shift(); policy !== undefined; policy = queue.shift()) {
			const records = await deviationRecords(client, policy.uid, window);
			const relevant = options.includeIrrelevant ? () => true : relevanceCheck(policy.policy);
			found.set(policy.uid, records.filter(record => relevant(record)));
		}
	};
	await Promise.all(Array.from({length: Math.min(concurrency, queue.length)}, worker));
	return found;
}

/** The first record of each checksum, in order. */
export function uniqueByChecksum(records: readonly DeviationRecord[]): DeviationRecord[] {
	const seen = new Set<string>();
	return records.filter(record => {
		if (seen.has(record.checksum)) return false;
		seen.add(record.checksum);
		return true;
	});
}

/** spyctl's DEVIATIONS_(UNIQ/TOT) cell: distinct checksums / records, `0/0` when none. */
export function deviationCountText(records: readonly DeviationRecord[] | undefined): string {
	if (!records || records.length === 0) return '0/0';
	return `${new Set(records.map(record => record.checksum)).size}/${records.length}`;
}
