import {isRecord} from '../policy/is-record.js';
import {ApiRequestError} from './errors.js';

export type PolicyDocument = {apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown>};

/** What the client hands back for each policy: the record's bookkeeping beside the document. */
export type ServerPolicy = {
	uid: string;
	name: string;
	type: string;
	version?: number;
	tags: string[];
	policy: PolicyDocument;
};

/**
 * Reads one DaoOutputAnalyticsPolicy. spyctl 0.13's server sent `policy` as a
 * JSON string without a uid in it; the uid (and creation time) are back-filled
 * from the record so that every policy the app sees carries them.
 */
export function readPolicyRecord(record: unknown): ServerPolicy {
	if (!isRecord(record)) throw new ApiRequestError('protocol', 'the API returned a policy that is not an object');
	let policy = record['policy'];
	if (typeof policy === 'string') {
		try {
			policy = JSON.parse(policy) as unknown;
		} catch {
			throw new ApiRequestError('protocol', `the API returned policy ${String(record['uid'])} as text that is not JSON`);
		}
	}
	if (!isRecord(policy)) throw new ApiRequestError('protocol', `the API returned policy ${String(record['uid'])} without a document`);
	const metadata = isRecord(policy['metadata']) ? {...policy['metadata']} : {};
	const uid = typeof record['uid'] === 'string' ? record['uid'] : String(metadata['uid'] ?? '');
	metadata['uid'] = uid;
	if (metadata['creationTimestamp'] === undefined && typeof record['valid_from'] === 'string') {
		metadata['creationTimestamp'] = Date.parse(record['valid_from']) / 1000;
	}
	const version = typeof record['version'] === 'number' ? record['version'] : typeof metadata['version'] === 'number' ? metadata['version'] : undefined;
	return {
		uid,
		name: String(record['name'] ?? metadata['name'] ?? ''),
		type: String(record['type'] ?? metadata['type'] ?? ''),
		version,
		tags: Array.isArray(record['tags']) ? record['tags'].filter((tag): tag is string => typeof tag === 'string') : [],
		policy: {
			apiVersion: String(policy['apiVersion'] ?? 'spyderbat/v1'),
			kind: String(policy['kind'] ?? 'SpyderbatPolicy'),
			metadata,
			spec: isRecord(policy['spec']) ? policy['spec'] : {},
		},
	};
}
