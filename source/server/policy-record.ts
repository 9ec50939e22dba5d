import {createHash} from 'node:crypto';
import {isRecord} from '../policy/is-record.js';

/** The API's DaoOutputAnalyticsPolicy: a policy plus the server's bookkeeping. */
export type PolicyRecord = {
	uid: string;
	name: string;
	type: string;
	orgid: string;
	policy: {apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown>};
	selector_hash: string;
	tags: string[];
	version: number;
	valid_from: string;
	valid_to: string | null;
	last_updated: string;
	created_by: string;
	last_updated_by: string;
};

/** The real API returns every mapping with its keys in alphabetical order; spytui's server does the same. */
export function sortKeysDeep(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(item => sortKeysDeep(item));
	if (!isRecord(value)) return value;
	return Object.fromEntries(
		Object.keys(value)
			.sort()
			.map(key => [key, sortKeysDeep(value[key])]),
	);
}

/** md5 of the policy's selectors, as the server's `selectorHash`: equal scopes hash equally whatever the key order. */
export function selectorHash(spec: Record<string, unknown>): string {
	const selectors = Object.fromEntries(Object.entries(spec).filter(([key]) => key.endsWith('Selector')));
	return createHash('md5').update(JSON.stringify(sortKeysDeep(selectors))).digest('hex');
}

export type Stamp = {uid: string; orgUid: string; version: number; user: string; now: number; created: {by: string; at: number}; tags: string[]};

/** The stored form of a policy document at one version. */
export function toRecord(document: Record<string, unknown>, stamp: Stamp): PolicyRecord {
	const metadata = isRecord(document['metadata']) ? document['metadata'] : {};
	const spec = isRecord(document['spec']) ? document['spec'] : {};
	const hash = selectorHash(spec);
	const policy = sortKeysDeep({
		apiVersion: document['apiVersion'],
		kind: document['kind'],
		metadata: {
			...metadata,
			uid: stamp.uid,
			version: stamp.version,
			creationTimestamp: stamp.created.at,
			createdBy: stamp.created.by,
			lastUpdatedBy: stamp.user,
			lastUpdatedTimestamp: stamp.now,
			selectorHash: hash,
		},
		spec,
	}) as PolicyRecord['policy'];
	return {
		uid: stamp.uid,
		name: String(metadata['name']),
		type: String(metadata['type']),
		orgid: stamp.orgUid,
		policy,
		selector_hash: hash,
		tags: stamp.tags,
		version: stamp.version,
		valid_from: new Date(stamp.now * 1000).toISOString(),
		valid_to: null,
		last_updated: new Date(stamp.now * 1000).toISOString(),
		created_by: stamp.created.by,
		last_updated_by: stamp.user,
	};
}
