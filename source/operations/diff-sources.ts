import type {ApiClient} from '../api/client.js';
import type {PolicyDocument, ServerPolicy} from '../api/policy-records.js';
import type {SearchWindow} from '../api/search.js';
import {MergeTargetError, mergeObjects} from '../policy/merge/merge-objects.js';
import {skipMessage} from '../policy/merge/skip-reasons.js';
import {deviationRecords} from './deviations.js';

/** Two documents to compare, and a sentence that says what they are. */
export type DiffPair = {before: PolicyDocument; after: PolicyDocument; about: string; notes: string[]};

/** Windows the diff screen offers for deviations, in seconds back from now; `latest` starts at metadata.latestTimestamp. */
export type DeviationWindow = 'latest' | number;

const day = 24 * 3600;

/**
 * The policy and the policy with its deviations merged in, as `spytui diff -p
 * NAME --latest` shows them. The window starts at metadata.latestTimestamp, or
 * a day back when the policy has none (spyctl's default window). The merged
 * copy moves latestTimestamp to the window's end, as merge does, so that the
 * next look starts where this one stopped.
 */
export async function deviationPair(client: ApiClient, policy: ServerPolicy, window: DeviationWindow, now = Date.now() / 1000): Promise<DiffPair & {window: SearchWindow; deviations: number}> {
	const latest = Number(policy.policy.metadata['latestTimestamp']);
	const startTime = window === 'latest' ? (Number.isFinite(latest) && latest < now ? latest : now - day) : now - window;
	const searchWindow = {startTime, endTime: now};
	const records = await deviationRecords(client, policy.uid, searchWindow);
	const before = policy.policy;
	if (records.length === 0) return {before, after: before, about: 'no deviations', notes: [], window: searchWindow, deviations: 0};
	let merged: ReturnType<typeof mergeObjects>;
	try {
		merged = mergeObjects(before as unknown as Record<string, unknown>, records.map(record => record.deviation), 'asymmetric');
	} catch (error) {
		if (error instanceof MergeTargetError) throw new Error(`the deviations of ${policy.name} cannot be merged: ${error.message}`, {cause: error});
		throw error;
	}
	const after = {...(merged.merged as unknown as PolicyDocument)};
	after.metadata = {...after.metadata, latestTimestamp: now};
	const notes = merged.skipped.map(skipped => skipMessage(skipped, 'diff', policy.name));
	return {before, after, about: `${records.length} deviation${records.length === 1 ? '' : 's'}`, notes, window: searchWindow, deviations: records.length};
}

/** Two stored versions of a policy, older first. */
export async function versionPair(client: ApiClient, uid: string, from: number, to: number): Promise<DiffPair> {
	const [older, newer] = await Promise.all([client.getPolicy(uid, {archiveVersion: Math.min(from, to)}), client.getPolicy(uid, {archiveVersion: Math.max(from, to)})]);
	return {before: older.policy, after: newer.policy, about: `version ${Math.min(from, to)} → ${Math.max(from, to)}`, notes: []};
}
