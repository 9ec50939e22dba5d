import type {Got} from 'got';
import {isRecord} from '../policy/is-record.js';
import {ApiRequestError} from './errors.js';
import {createHttp, type HttpOptions, requestJson, retryPolicy, toApiError} from './http.js';
import {orgCacheKey, readCachedOrg, writeCachedOrg} from './org-cache.js';
import {policyListBody, type ReadList} from './policy-list-body.js';
import {type PolicyDocument, readPolicyRecord, type ServerPolicy} from './policy-records.js';
import {type SearchOptions, type SearchRequest, type SearchWindow, searchAll} from './search.js';
import {streamedGet} from './streamed-get.js';
import {type DeviationRecord, type FingerprintQuery, type LogQuery, type PolicyLogEvent, deviations, fingerprints, logEvents, policyLogs} from './search-records.js';

export type ApiTarget = {
	apiUrl: string;
	apiKey: string;
	/** Org name or uid, as a spyctl context holds it. */
	organization: string;
	/** spyctl's org uid cache file; without it every client resolves the org once. */
	orgCacheFile?: string;
};

/** List filters, named as the API's query parameters (reference §2.3). */
export type PolicyQuery = {
	type?: string;
	name_or_uid_contains?: string;
	name_or_uid_equals?: string;
	name_contains?: string;
	name_equals?: string;
	selector_contains?: string;
	selector_hash_equals?: string;
	from_archive?: boolean;
};

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * What a client was made from, and the org uid once it has resolved it:
 * another thread makes the same client from it, without asking for the org
 * again. It holds the API key: never print it.
 */
export type ApiConnection = {target: ApiTarget; options: HttpOptions; orgUid?: string};

/** What one ingest request stored: new deviations only, and the log events written. */
export type IngestSummary = {fingerprints: number; deviations: number; events: number};

/** The Spyderbat API, real or embedded: nothing above this knows which. */
export function createApiClient(target: ApiTarget, options: HttpOptions = {}, known: {orgUid?: string} = {}) {
	const http = createHttp(target.apiUrl, target.apiKey, options);
	const retry = retryPolicy(options);
	let resolvedOrg = known.orgUid;
	let orgUid: Promise<string> | undefined = resolvedOrg === undefined ? undefined : Promise.resolve(resolvedOrg);

	const org = () => {
		orgUid ??= resolveOrg(http, target).then(
			uid => {
				resolvedOrg = uid;
				return uid;
			},
			(error: unknown) => {
				orgUid = undefined;
				throw error;
			},
		);
		return orgUid;
	};
	const policiesPath = async (suffix = '') => `api/v1/org/${await org()}/analyticspolicy/${suffix}`;
	let lastList: (ReadList & {key: string}) | undefined;

	return {
		apiUrl: target.apiUrl,
		org,
		connection: (): ApiConnection => ({target, options, ...(resolvedOrg === undefined ? {} : {orgUid: resolvedOrg})}),

		/**
		 * The policies. The app lists every few seconds, and for a large org the
		 * transfer, the parse and their garbage were a visible stall each time. So
		 * an unchanged list, one the server answers 304 to the last entity tag or
		 * whose bytes are the same as last time, gives back the very same array,
		 * unparsed. The array is shared: callers must not change it.
		 */
		async listPolicies(query: PolicyQuery = {}): Promise<ServerPolicy[]> {
			const searchParams = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string | boolean>;
			const path = await policiesPath();
			const key = `${path}?${JSON.stringify(searchParams)}`;
			const last = lastList?.key === key ? lastList : undefined;
			const what = 'listing policies';
			const answer = await request(what, async () => streamedGet(http, retry, path, {what, searchParams, ...(last?.etag ? {etag: last.etag} : {})}, response => policyListBody(response, last)));
			if (answer.unchanged) {
				if (last) return last.policies;
				throw new ApiRequestError('protocol', 'listing policies failed: the API answered "not modified" to a first request');
			}
			lastList = {...answer.result, key};
			return answer.result.policies;
		},

		async getPolicy(uid: string, options: {archiveVersion?: number} = {}): Promise<ServerPolicy> {
			const searchParams = options.archiveVersion === undefined ? undefined : {archive_version: options.archiveVersion};
			return readPolicyRecord(await request(`getting policy ${uid}`, async () => requestJson(http, 'get', await policiesPath(encodeURIComponent(uid)), searchParams ? {searchParams} : {})));
		},

		async createPolicy(policy: PolicyDocument, tags?: string[]): Promise<string> {
			const body = await request('creating the policy', async () => requestJson(http, 'post', await policiesPath(), {json: {policy, ...(tags ? {tags} : {})}}));
			if (!isRecord(body) || typeof body['uid'] !== 'string') throw new ApiRequestError('protocol', 'creating the policy failed: the API returned no uid');
			return body['uid'];
		},

		async updatePolicy(policy: PolicyDocument, tags?: string[]): Promise<ServerPolicy> {
			const uid = String(policy.metadata['uid'] ?? '');
			return readPolicyRecord(await request(`updating policy ${uid}`, async () => requestJson(http, 'put', await policiesPath(), {json: {policy, ...(tags ? {tags} : {})}})));
		},

		async deletePolicy(uid: string): Promise<void> {
			await request(`deleting policy ${uid}`, async () => http.delete(await policiesPath(encodeURIComponent(uid))));
		},

		/**
		 * Sends observed workloads to the embedded server's ingest endpoint (spytui's own
		 * extension; the real API has none). Not retried: a repeat would be harmless, but
		 * its webhooks would fire twice.
		 */
		async ingest(fingerprints: readonly unknown[]): Promise<IngestSummary> {
			const body = await request('sending fingerprints', async () => requestJson(http, 'post', `api/v1/org/${await org()}/ingest/`, {json: {fingerprints}}));
			if (!isRecord(body)) throw new ApiRequestError('protocol', 'sending fingerprints failed: the API returned no summary');
			return {fingerprints: Number(body['fingerprints'] ?? 0), deviations: Number(body['deviations'] ?? 0), events: Number(body['events'] ?? 0)};
		},

		/** Records of a search schema (`event_deviation`, `event_log`, `model_fingerprint`, ...) matching a query. */
		async search(search: SearchRequest, options?: SearchOptions): Promise<Record<string, unknown>[]> {
			return searchAll(http, await org(), search, options);
		},

		async policyLogs(policyUid: string, window: SearchWindow, options?: SearchOptions): Promise<PolicyLogEvent[]> {
			return policyLogs(http, await org(), policyUid, window, options);
		},

		/** Log events of one policy, or of every policy when the query names none. */
		async logEvents(query: LogQuery, window: SearchWindow, options?: SearchOptions): Promise<PolicyLogEvent[]> {
			return logEvents(http, await org(), query, window, options);
		},

		async deviations(policyUid: string, window: SearchWindow, options?: SearchOptions): Promise<DeviationRecord[]> {
			return deviations(http, await org(), policyUid, window, options);
		},

		async fingerprints(query: FingerprintQuery, options?: SearchOptions): Promise<Record<string, unknown>[]> {
			return fingerprints(http, await org(), query, options);
		},
	};
}

async function request<T>(what: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw toApiError(error, what);
	}
}

/** Finds the org uid from a name or uid, as spyctl does, through its cache when there is one. */
async function resolveOrg(http: Got, target: ApiTarget): Promise<string> {
	const key = orgCacheKey(target.apiUrl, target.apiKey, target.organization);
	if (target.orgCacheFile) {
		const cached = await readCachedOrg(target.orgCacheFile, key);
		if (cached) return cached;
	}
	const orgs = await request('listing organizations', () => requestJson(http, 'get', 'api/v1/org/'));
	if (!Array.isArray(orgs)) throw new ApiRequestError('protocol', 'listing organizations failed: the API did not return a list');
	const match = orgs.find(org => isRecord(org) && (org['uid'] === target.organization || org['name'] === target.organization));
	if (!isRecord(match) || typeof match['uid'] !== 'string') {
		throw new ApiRequestError('not-found', `Unable to validate organization name or ID '${target.organization}'. Check context settings.`);
	}
	if (target.orgCacheFile) await writeCachedOrg(target.orgCacheFile, key, match['uid']);
	return match['uid'];
}
