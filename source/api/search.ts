import {setTimeout as sleep} from 'node:timers/promises';
import {type Got, RequestError} from 'got';
import {isRecord} from '../policy/is-record.js';
import {ApiRequestError} from './errors.js';
import {requestJson, toApiError} from './http.js';

/** Epoch seconds. */
export type SearchWindow = {startTime: number; endTime: number};

export type SearchRequest = SearchWindow & {schema: string; query: string};

export type SearchOptions = {
	/** Results asked for per page; spyctl asks for 999. */
	pageLimit?: number;
	/** Results asked for in all; spyctl asks for at most 10,000. */
	resultLimit?: number;
	/** Milliseconds between polls of a running search; spyctl waits 0.1 s. */
	pollInterval?: number;
};

const defaults = {pageLimit: 999, resultLimit: 10_000, pollInterval: 100};

/** Network failures a poll is retried on: the request may not have arrived, and reading a job twice is harmless. */
const networkErrorCodes = new Set(['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'ENETUNREACH', 'EAI_AGAIN', 'EHOSTUNREACH', 'ECONNABORTED']);
const pollRetries = 3;
const pollRetryDelay = 100;

/**
 * Runs a search as spyctl does (reference §2.5): start a job, poll it until it
 * has results, then follow the page token until there is none. The whole
 * search may take as long as the client's request timeout.
 */
export async function searchAll(http: Got, orgUid: string, request: SearchRequest, options: SearchOptions = {}): Promise<Record<string, unknown>[]> {
	const pageLimit = options.pageLimit ?? defaults.pageLimit;
	const resultLimit = options.resultLimit ?? defaults.resultLimit;
	const pollInterval = options.pollInterval ?? defaults.pollInterval;
	const base = `api/v1/org/${encodeURIComponent(orgUid)}/search/`;
	const what = `searching ${request.schema}`;
	const wait = http.defaults.options.timeout.request ?? 60_000;
	const deadline = Date.now() + wait;

	// Starting a job is not idempotent, and got retries GETs only, so this is sent once.
	const created = await call(what, () =>
		requestJson(http, 'post', base, {
			searchParams: {limit: resultLimit},
			// Whole seconds as spyctl sends them, widened so that the window still covers what was asked.
			json: {schema: request.schema, query: request.query, start_time: Math.floor(request.startTime), end_time: Math.ceil(request.endTime), output_fields: ['full_json']},
		}),
	);
	if (isRecord(created) && typeof created['error'] === 'string') throw new ApiRequestError('validation', `${what} failed: ${created['error']}`);
	if (!isRecord(created) || typeof created['id'] !== 'string') throw new ApiRequestError('protocol', `${what} failed: the API returned no search id`);

	const jobUrl = `${base}${encodeURIComponent(created['id'])}`;
	const records: Record<string, unknown>[] = [];
	let token: string | null = null;
	for (;;) {
		if (Date.now() > deadline) throw new ApiRequestError('network', `${what} failed: no results within ${wait / 1000} s`);
		const page = await poll(http, jobUrl, {limit: pageLimit, token}, what);
		if (!isRecord(page)) throw new ApiRequestError('protocol', `${what} failed: the API returned a page that is not an object`);
		if ('status' in page) {
			await sleep(pollInterval);
			continue;
		}
		if (!Array.isArray(page['results'])) throw new ApiRequestError('protocol', `${what} failed: the API returned neither a status nor results`);
		for (const result of page['results'] as unknown[]) records.push(readResult(result, what));
		if (typeof page['token'] !== 'string' || page['token'] === '') return records;
		token = page['token'];
	}
}

/**
 * Polling a job only reads it, but it is a POST, which got's retry (GETs
 * only) leaves alone. So a poll that failed on the network is sent again here,
 * a few times; an HTTP error is not, as the server did answer.
 */
async function poll(http: Got, url: string, body: {limit: number; token: string | null}, what: string): Promise<unknown> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await requestJson(http, 'post', url, {json: body});
		} catch (error) {
			const network = error instanceof RequestError && networkErrorCodes.has(error.code);
			if (!network || attempt >= pollRetries) throw toApiError(error, what);
			await sleep(pollRetryDelay * 2 ** attempt);
		}
	}
}

/** A result's `full_json` is the record as JSON text (or, from some servers, as an object). */
function readResult(result: unknown, what: string): Record<string, unknown> {
	let record = isRecord(result) && result['full_json'] !== undefined ? result['full_json'] : result;
	if (typeof record === 'string') {
		try {
			record = JSON.parse(record) as unknown;
		} catch {
			throw new ApiRequestError('protocol', `${what} failed: the API returned a result whose full_json is not JSON`);
		}
	}
	if (!isRecord(record)) throw new ApiRequestError('protocol', `${what} failed: the API returned a result that is not a record`);
	return record;
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw toApiError(error, what);
	}
}
