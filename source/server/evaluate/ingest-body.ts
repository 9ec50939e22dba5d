import {isRecord} from '../../policy/is-record.js';
import {formatPath, type PathSegment} from '../../policy/problem.js';
import {validateObject} from '../../policy/validate.js';
import {ApiError} from '../errors.js';

type Located = {value: unknown; path: PathSegment[]};

/**
 * The fingerprints of an ingest request, each checked by the same validator
 * as `spytui validate`. The body is `{"fingerprints": [...]}`, a multi-object
 * list `{"items": [...]}` (spyctl's file form), or one SpyderbatFingerprint
 * or FingerprintGroup; lists may hold groups, which stand for their
 * fingerprints. The first problem is a 400 naming its field, and then
 * nothing is ingested.
 */
export function fingerprintsOfBody(body: unknown): Record<string, unknown>[] {
	if (!isRecord(body)) throw invalid('the request body must be a JSON object: {"fingerprints": [...]}, {"items": [...]}, a SpyderbatFingerprint or a FingerprintGroup', 'body');
	const listKey = Array.isArray(body['fingerprints']) ? 'fingerprints' : Array.isArray(body['items']) ? 'items' : undefined;
	const objects: Located[] = listKey ? (body[listKey] as unknown[]).map((value, index) => ({value, path: [listKey, index]})) : [{value: body, path: []}];
	if (!listKey && body['kind'] === undefined) {
		throw invalid('the request body needs "fingerprints" (a list), "items" (a list), or the "kind" of a SpyderbatFingerprint or FingerprintGroup', 'fingerprints');
	}
	return objects.flatMap(object => fingerprintsOf(object));
}

function fingerprintsOf({value, path}: Located): Record<string, unknown>[] {
	if (!isRecord(value)) throw invalid('must be a SpyderbatFingerprint or FingerprintGroup object', formatPath(path) || 'body');
	const kind = value['kind'];
	if (kind !== 'SpyderbatFingerprint' && kind !== 'FingerprintGroup') {
		throw invalid(`kind must be SpyderbatFingerprint or FingerprintGroup, not ${JSON.stringify(kind) ?? 'missing'}`, formatPath([...path, 'kind']));
	}
	const first = validateObject(value)[0];
	if (first) throw invalid(first.message, formatPath([...path, ...first.path]));
	if (kind === 'SpyderbatFingerprint') return [value];
	return (value['data'] as {fingerprints: Record<string, unknown>[]}).fingerprints;
}

function invalid(message: string, field: string): ApiError {
	return new ApiError(400, `${field}: ${message}`, {field});
}
