import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHttp} from '../../source/api/http.js';
import {type SearchServer, deviation, insertAll, logEvent, startSearchServer, t0} from './search-fixtures.js';

type Page = {status?: string; results?: Record<string, unknown>[]; token?: string; result_count?: number};

let s: SearchServer;
const policy = 'pol:aaaaaaaaaaaaaaaaaaaa';
const other = 'pol:bbbbbbbbbbbbbbbbbbbb';

beforeAll(async () => {
	s = await startSearchServer();
	insertAll(s.server, {
		deviations: [1, 2, 3, 4, 5].map(n => deviation(policy, t0 + n, `sum${n}`)),
		events: [logEvent(other, t0 + 1, 'log:other')],
	});
});
afterAll(async () => s.server.close());

const searchPath = () => `api/v1/org/${s.orgUid}/search/`;

/** POSTs a body exactly as given, the way Python's requests sends `json=` (json.dumps with its default separators). */
async function postRaw(path: string, body: string, searchParams?: Record<string, string>) {
	const response = await s.http.post(path, {body, searchParams, headers: {'content-type': 'application/json'}, throwHttpErrors: false});
	return {status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown>};
}

async function finished(id: string, body = '{"limit": 999, "token": null}'): Promise<Page> {
	for (;;) {
		const {status, body: page} = await postRaw(`${searchPath()}${id}`, body);
		expect(status).toBe(200);
		if (!('status' in page)) return page as Page;
		expect(page).toEqual({status: 'RUNNING'});
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

describe('search jobs over HTTP', () => {
	it("accepts spyctl 0.24's request bytes, with ids only when no output_fields are asked for, then the records from /objects", async () => {
		const created = await postRaw(
			searchPath(),
			`{"schema": "event_deviation", "query": "policy_uid = \\"${policy}\\"", "start_time": ${t0}, "end_time": ${t0 + 86_400}}`,
			{limit: '10000'},
		);
		expect(created.status).toBe(200);
		expect(created.body).toEqual({id: expect.any(String)});

		const page = await finished(String(created.body['id']));
		expect(page).toEqual({results: [1, 2, 3, 4, 5].map(n => ({id: `dev:sum${n}`})), result_count: 5});

		const objects = await postRaw(`api/v1/org/${s.orgUid}/objects`, JSON.stringify({ids: ['dev:sum2', 'dev:sum1', 'dev:none']}));
		expect(objects.status).toBe(200);
		expect((objects.body['results'] as Record<string, unknown>[]).map(record => [record['id'], record['checksum'], record['schema']])).toEqual([
			['dev:sum1', 'sum1', 'event_deviation:workload:1.0.0'],
			['dev:sum2', 'sum2', 'event_deviation:workload:1.0.0'],
		]);
	});

	it('pages by token: each page holds `limit` results, the last one has no token', async () => {
		const created = await postRaw(searchPath(), JSON.stringify({schema: 'event_deviation', query: '*', start_time: t0, end_time: t0 + 60, output_fields: ['full_json']}));
		const id = String(created.body['id']);
		const first = await finished(id, JSON.stringify({limit: 2, token: null}));
		expect(first.result_count).toBe(5);
		expect(first.results).toHaveLength(2);
		expect(typeof first.token).toBe('string');
		const second = await finished(id, JSON.stringify({limit: 2, token: first.token}));
		const third = await finished(id, JSON.stringify({limit: 2, token: second.token}));
		expect(third.token).toBeUndefined();
		expect(third.results).toHaveLength(1);
		const records = [...first.results!, ...second.results!, ...third.results!].map(result => JSON.parse(String(result['full_json'])) as Record<string, unknown>);
		expect(records.map(record => record['id'])).toEqual(['dev:sum1', 'dev:sum2', 'dev:sum3', 'dev:sum4', 'dev:sum5']);
		expect(records[0]).toMatchObject({policy_uid: policy, deviation: {kind: 'GuardianDeviation'}});
	});

	it('projects other output fields from the record', async () => {
		const created = await postRaw(searchPath(), JSON.stringify({schema: 'event_deviation', query: 'checksum = "sum3"', start_time: t0, end_time: t0 + 60, output_fields: ['id', 'deviation.kind', 'missing']}));
		expect((await finished(String(created.body['id']))).results).toEqual([{id: 'dev:sum3', 'deviation.kind': 'GuardianDeviation', missing: null}]);
	});

	it('a token from another search is refused', async () => {
		const a = await postRaw(searchPath(), JSON.stringify({schema: 'event_deviation', query: '*', start_time: t0, end_time: t0 + 60}));
		const b = await postRaw(searchPath(), JSON.stringify({schema: 'event_deviation', query: '*', start_time: t0, end_time: t0 + 60}));
		const page = await finished(String(a.body['id']), JSON.stringify({limit: 1, token: null}));
		await finished(String(b.body['id']));
		const crossed = await postRaw(`${searchPath()}${String(b.body['id'])}`, JSON.stringify({limit: 1, token: page.token}));
		expect(crossed).toEqual({status: 400, body: expect.objectContaining({error: 'token does not belong to this search'})});
	});

	it('a large search answers RUNNING while it scans, and other requests are served meanwhile', async () => {
		const busy = await startSearchServer();
		try {
			insertAll(busy.server, {events: Array.from({length: 20_000}, (_, n) => logEvent(policy, t0 + n, `log:${String(n).padStart(5, '0')}`))});
			const created = await busy.http.post(`api/v1/org/${busy.orgUid}/search/`, {json: {schema: 'event_log', query: 'message ~= "*9"', start_time: t0, end_time: t0 + 20_000}}).json<{id: string}>();
			const pollUrl = `api/v1/org/${busy.orgUid}/search/${created.id}`;
			const [first, orgs] = await Promise.all([busy.http.post(pollUrl, {json: {limit: 999, token: null}}).json<Page>(), busy.http.get('api/v1/org/').json<unknown[]>()]);
			expect(first).toEqual({status: 'RUNNING'});
			expect(orgs).toHaveLength(1);
			let page = first;
			while (page.status) page = await busy.http.post(pollUrl, {json: {limit: 999, token: null}}).json<Page>();
			expect(page.result_count).toBe(2000);
		} finally {
			await busy.server.close();
		}
	});
});

describe('search errors', () => {
	it('a query that does not parse is a 400 whose error names the column', async () => {
		const response = await postRaw(searchPath(), JSON.stringify({schema: 'event_deviation', query: 'policy_uid = ', start_time: t0, end_time: t0 + 60}));
		expect(response.status).toBe(400);
		const message = "invalid query: expected a value (a quoted string, a number, true or false) after '=', found the end of the query at column 14";
		expect(response.body).toEqual({err_msg: message, error: message, field: 'query'});
	});

	it('a schema spytui does not serve is a 400 that lists the ones it does', async () => {
		const response = await postRaw(searchPath(), JSON.stringify({schema: 'model_k8s_pod', query: '*', start_time: t0, end_time: t0 + 60}));
		expect(response.status).toBe(400);
		expect(response.body['error']).toBe("schema 'model_k8s_pod' is not served by spytui; it serves event_deviation, event_log, model_fingerprint");
	});

	it('missing times, a bad limit and unsupported grouping are 400s', async () => {
		const missing = await postRaw(searchPath(), JSON.stringify({schema: 'event_log', query: '*', end_time: t0}));
		expect(missing.body['error']).toBe('start_time must be epoch seconds (a number)');
		const limit = await postRaw(searchPath(), JSON.stringify({schema: 'event_log', query: '*', start_time: t0, end_time: t0}), {limit: '0'});
		expect(limit.status).toBe(400);
		const grouped = await postRaw(searchPath(), JSON.stringify({schema: 'event_log', query: '*', start_time: t0, end_time: t0, group_by: [{name: 'time'}]}));
		expect(grouped.body['error']).toMatch(/^group_by is not supported/);
	});

	it('validate answers ok, or the error, as spyctl reads it', async () => {
		const validate = `api/v1/org/${s.orgUid}/search/validate`;
		expect((await postRaw(validate, `{"context_uid": "ZWK7Dg.1a2b3", "query": "policy_uid = \\"x\\"", "schema": "event_deviation"}`)).body).toEqual({ok: true, error: ''});
		expect((await postRaw(validate, JSON.stringify({query: 'a = "x" b', schema: 'event_log'}))).body).toEqual({ok: false, error: "invalid query: expected AND or OR, found 'b' at column 9"});
		expect((await postRaw(validate, JSON.stringify({query: '*', schema: 'event_redflag'}))).body).toMatchObject({ok: false});
	});

	it('an unknown or expired search is a 404', async () => {
		const response = await postRaw(`${searchPath()}no-such-search`, '{"limit": 999, "token": null}');
		expect(response.status).toBe(404);
		expect(response.body['error']).toMatch(/search no-such-search not found; a search is kept for 10 minutes/);
	});

	it('every search endpoint needs the key, and another org is a 404', async () => {
		const created = await postRaw(searchPath(), JSON.stringify({schema: 'event_log', query: '*', start_time: t0, end_time: t0 + 60}));
		const id = String(created.body['id']);
		const anonymous = createHttp(s.server.url, 'wrong-key', {retries: 0});
		for (const path of [searchPath(), `${searchPath()}${id}`, `${searchPath()}validate`, `api/v1/org/${s.orgUid}/objects`]) {
			const response = await anonymous.post(path, {json: {}, throwHttpErrors: false});
			expect(response.statusCode, path).toBe(401);
		}
		for (const path of ['api/v1/org/someoneelse/search/', `api/v1/org/someoneelse/search/${id}`, 'api/v1/org/someoneelse/search/validate', 'api/v1/org/someoneelse/objects']) {
			const response = await postRaw(path, JSON.stringify({schema: 'event_log', query: '*', start_time: t0, end_time: t0 + 60, ids: []}));
			expect(response.status, path).toBe(404);
			expect(response.body['err_msg']).toBe('organization someoneelse not found');
		}
	});
});
