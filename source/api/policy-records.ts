import {isRecord} from '../policy/is-record.js';
import {ApiRequestError} from './errors.js';

export type PolicyDocument = {apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown>};

/** What the client hands back for each policy: the record's bookkeeping beside the document. */
export type ServerPolicy = {
	uid: string;
	name: string;
	type: string;
	version?: number;
	tags: readonly string[];
	policy: PolicyDocument;
};

/**
 * Reads one DaoOutputAnalyticsPolicy. spyctl 0.13's server sent `policy` as a
 * JSON string without a uid in it; the uid (and creation time) are back-filled
 * from the record so that every policy the app sees carries them. The record
 * is one the client has just parsed and nobody else holds, so its document is
 * completed in place: copying every policy of a 10,000-policy list was a
 * good part of listing it.
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
	let metadata = policy['metadata'];
	if (!isRecord(metadata)) {
		metadata = {};
		policy['metadata'] = metadata;
	}
	const fields = metadata as Record<string, unknown>;
	const uid = typeof record['uid'] === 'string' ? record['uid'] : String(fields['uid'] ?? '');
	fields['uid'] = uid;
	if (fields['creationTimestamp'] === undefined && typeof record['valid_from'] === 'string') {
		fields['creationTimestamp'] = Date.parse(record['valid_from']) / 1000;
	}
	policy['apiVersion'] = sharedWord(String(policy['apiVersion'] ?? 'spyderbat/v1'));
	policy['kind'] = sharedWord(String(policy['kind'] ?? 'SpyderbatPolicy'));
	if (!isRecord(policy['spec'])) policy['spec'] = {};
	const version = typeof record['version'] === 'number' ? record['version'] : typeof fields['version'] === 'number' ? fields['version'] : undefined;
	return {
		uid,
		name: sameText(record['name'], fields['name']),
		type: sameText(record['type'], fields['type']),
		version,
		tags: Array.isArray(record['tags']) && record['tags'].length > 0 ? record['tags'].filter((tag): tag is string => typeof tag === 'string') : noTags,
		policy: onlyDocumentFields(policy) as PolicyDocument,
	};
}

/*
 * A list holds every policy for as long as the app shows it: 10,000 policies
 * are some 12 MB of objects, and on a VM each new page of them costs a fault.
 * Words every policy repeats are kept once, and so is the empty tag list.
 */
const noTags: readonly string[] = Object.freeze([]);
const sharedWords = new Map(['spyderbat/v1', 'SpyderbatPolicy'].map(word => [word, word]));

function sharedWord(word: string): string {
	return sharedWords.get(word) ?? word;
}

/** The record's name (or type), as the one string the document already holds when they are the same. */
function sameText(fromRecord: unknown, fromDocument: unknown): string {
	const text = String(fromRecord ?? fromDocument ?? '');
	return text === fromDocument ? fromDocument : text;
}

const documentFields = new Set(['apiVersion', 'kind', 'metadata', 'spec']);

/** The document as spyctl reads it: anything else the API put beside its four fields is not sent back on an update. */
function onlyDocumentFields(policy: Record<string, unknown>): Record<string, unknown> {
	if (Object.keys(policy).every(key => documentFields.has(key))) return policy;
	return {apiVersion: policy['apiVersion'], kind: policy['kind'], metadata: policy['metadata'], spec: policy['spec']};
}
