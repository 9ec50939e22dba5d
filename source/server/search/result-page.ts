import {isRecord} from '../../policy/is-record.js';
import {parsePath, resolvePath} from './query-path.js';
import type {SearchJob} from './jobs.js';
import {searchError} from './search-error.js';

/** spyctl asks for 999 results a page. */
const defaultPageLimit = 999;
const maximumPageLimit = 10_000;

export type ResultPage = {results: Record<string, unknown>[]; token?: string; result_count: number};

/**
 * One page of a finished job for `POST /search/{id}` with `{limit, token}`.
 * The token names the job and the next offset, so a token from another job
 * is refused rather than paging through the wrong results.
 */
export function resultPage(job: SearchJob, body: unknown): ResultPage {
	const request = isRecord(body) ? body : {};
	const limit = request['limit'] ?? defaultPageLimit;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > maximumPageLimit) {
		throw searchError(400, `limit must be a whole number from 1 to ${maximumPageLimit}`, 'limit');
	}
	const offset = offsetOf(job, request['token']);
	const next = offset + limit;
	return {
		results: job.results.slice(offset, next).map(text => project(text, job.outputFields)),
		...(next < job.results.length ? {token: Buffer.from(`${job.id}:${next}`).toString('base64url')} : {}),
		result_count: job.results.length,
	};
}

function offsetOf(job: SearchJob, token: unknown): number {
	if (token === undefined || token === null || token === '') return 0;
	const [id, offset] = typeof token === 'string' ? Buffer.from(token, 'base64url').toString().split(':') : [];
	const value = Number(offset);
	if (id !== job.id || !Number.isInteger(value) || value < 0 || value > job.results.length) throw searchError(400, 'token does not belong to this search', 'token');
	return value;
}

/** With no output fields a result is only the record's id, as on the real API; `full_json` is the record as JSON text. */
function project(text: string, outputFields: string[] | undefined): Record<string, unknown> {
	if (outputFields?.length === 1 && outputFields[0] === 'full_json') return {full_json: text};
	const record = JSON.parse(text) as unknown;
	if (!outputFields) return {id: isRecord(record) ? record['id'] : undefined};
	return Object.fromEntries(outputFields.map(field => [field, field === 'full_json' ? text : (resolvePath(record, parsePath(field, 1))[0] ?? null)]));
}
