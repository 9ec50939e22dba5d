import {createHash} from 'node:crypto';
import type {DeviationInput} from '../store/records.js';
import type {Wording} from './describe.js';
import type {DeviationSpec} from './find-deviations.js';
import type {PreparedPolicy} from './policy-catalog.js';
import {stableHash} from './stable-hash.js';
import type {Workload} from './workload.js';

export type DeviationRecord = DeviationInput & {id: string; policy_name: string; policy_mode: string; policy_type: string} & Wording;

/**
 * The checksum of a deviation: equal activity against the same policy tree
 * gives equal specs, hence one deviation however often it is seen.
 */
export function deviationChecksum(spec: DeviationSpec): string {
	return stableHash(spec);
}

/**
 * The 20 characters after `dev:<org>:` (its events' ids start with them
 * too): when it was seen (9, base 36 milliseconds) and a hash of policy and
 * checksum (11). Ids that grow with time are added at the end of the
 * store's indexes rather than all over them, which keeps the commits of a
 * busy ingest small; the store dedupes by policy and checksum, not by id.
 */
function deviationKey(policyUid: string, checksum: string, time: number): string {
	const when = Math.max(0, Math.round(time * 1000)).toString(36).padStart(9, '0').slice(-9);
	return when + createHash('sha256').update(`${policyUid}\u0000${checksum}`).digest('base64url').slice(0, 11);
}

/**
 * A deviation record (search schema `event_deviation`, reference §1.10): the
 * policy it deviated from, its wording, where it was seen, and the
 * GuardianDeviation document that `spyctl merge` folds into the policy.
 */
export function deviationRecord(input: {orgUid: string; policy: PreparedPolicy; spec: DeviationSpec; wording: Wording; time: number; fingerprintId: string; workload: Workload}): DeviationRecord {
	const {orgUid, policy, spec, wording, time, fingerprintId, workload} = input;
	const checksum = deviationChecksum(spec);
	const id = `dev:${orgUid}:${deviationKey(policy.uid, checksum, time)}`;
	return {
		id,
		// Set here rather than left to the store: the webhook of an enforcing policy sends this very record.
		schema: 'event_deviation:workload:1.0.0',
		checksum,
		...wording,
		policy_uid: policy.uid,
		policy_name: policy.name,
		policy_mode: policy.mode,
		policy_type: policy.type,
		time,
		ref: fingerprintId,
		...whereSeen(workload),
		deviation: {
			apiVersion: 'spyderbat/v1',
			kind: 'GuardianDeviation',
			metadata: {type: policy.type, policy_uid: policy.uid, checksum, uid: id},
			spec,
		},
	};
}

/** The workload fields a deviation record names, those that are known. */
function whereSeen(workload: Workload): Record<string, string> {
	const fields: Record<string, string | undefined> = {
		cluster_uid: workload.cluster['uid'],
		cluster_name: workload.cluster['name'],
		namespace: workload.namespace,
		pod_uid: workload.podUid,
		pod_name: workload.podName,
		container_id: workload.container['containerID'],
		container_name: workload.container['containerName'],
		image: workload.container['image'],
		cgroup: workload.service['cgroup'],
		muid: workload.machineUid,
		hostname: workload.hostnames[0],
	};
	return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
