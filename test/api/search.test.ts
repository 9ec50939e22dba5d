import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {ApiRequestError} from '../../source/api/errors.js';
import {searchAll} from '../../source/api/search.js';
import {type SearchServer, deviation, fingerprint, insertAll, logEvent, startSearchServer, t0} from '../server/search-fixtures.js';

let s: SearchServer;
const web = 'pol:webwebwebwebwebwebweb1';
const db = 'pol:dbdbdbdbdbdbdbdbdbdb12';

beforeAll(async () => {
	s = await startSearchServer();
	insertAll(s.server, {
		deviations: [deviation(web, t0 + 30, 'c3'), deviation(web, t0 + 10, 'c1'), deviation(web, t0 + 20, 'c2'), deviation(db, t0 + 15, 'd1')],
		events: [
			logEvent(web, t0 + 10, 'log:b', 'guardian_deviation'),
			// Same time as log:b: ties are ordered by id.
			logEvent(web, t0 + 10, 'log:a', 'guardian_action'),
			logEvent(web, t0 + 40, 'log:c', 'guardian_flag'),
			logEvent(db, t0 + 20, 'log:d', 'guardian_flag'),
			logEvent(web, t0 + 60, 'log:e', 'guardian_deviation'),
			logEvent(web, t0 + 61, 'log:f', 'guardian_deviation'),
			logEvent(web, t0 + 62, 'log:g', 'guardian_deviation'),
		],
		fingerprints: [fingerprint('fprint:c1', t0 + 5, 'container'), fingerprint('fprint:s1', t0 + 6, 'linux-service'), fingerprint('fprint:c2', t0 + 7, 'container')],
	});
});
afterAll(async () => s.server.close());

const ids = (records: Record<string, unknown>[]) => records.map(record => record['id']);

describe('client search', () => {
	it('pages through several pages of a small page limit and returns the records in (time, id) order', async () => {
		const records = await s.client.search({schema: 'event_log', query: '*', startTime: t0, endTime: t0 + 100}, {pageLimit: 2});
		expect(ids(records)).toEqual(['log:a', 'log:b', 'log:d', 'log:c', 'log:e', 'log:f', 'log:g']);
		expect(records[0]).toEqual({id: 'log:a', schema: 'event_log:guardian_action:1.0.0', time: t0 + 10, policy_uid: web, message: 'guardian_action log:a', severity: 'info'});
	});

	it('caps the results at the result limit', async () => {
		const records = await s.client.search({schema: 'event_log', query: '*', startTime: t0, endTime: t0 + 100}, {resultLimit: 3, pageLimit: 2});
		expect(ids(records)).toEqual(['log:a', 'log:b', 'log:d']);
	});

	it('keeps records with start <= time < end', async () => {
		const window = (startTime: number, endTime: number) => s.client.search({schema: 'event_log', query: '*', startTime, endTime});
		expect(ids(await window(t0 + 10, t0 + 40))).toEqual(['log:a', 'log:b', 'log:d']);
		expect(ids(await window(t0 + 11, t0 + 41))).toEqual(['log:d', 'log:c']);
		expect(ids(await window(t0 + 61, t0 + 62))).toEqual(['log:f']);
		expect(await window(t0 + 100, t0 + 200)).toEqual([]);
	});

	it('widens a fractional window to whole seconds, as the API takes them', async () => {
		expect(ids(await s.client.search({schema: 'event_log', query: '*', startTime: t0 + 60.5, endTime: t0 + 61.2}))).toEqual(['log:e', 'log:f']);
	});

	it('matches schemas by prefix, at a `:` boundary', async () => {
		const bySchema = (schema: string) => s.client.search({schema, query: '*', startTime: t0, endTime: t0 + 100});
		expect(ids(await bySchema('event_log:guardian_flag'))).toEqual(['log:d', 'log:c']);
		expect(ids(await bySchema('event_log:guardian_action:1.0.0'))).toEqual(['log:a']);
		expect(await bySchema('event_log:guardian')).toEqual([]);
		expect(ids(await bySchema('event_deviation:workload'))).toEqual(['dev:c1', 'dev:d1', 'dev:c2', 'dev:c3']);
		expect(ids(await bySchema('model_fingerprint:linux_svc'))).toEqual(['fprint:s1']);
		expect(ids(await bySchema('model_fingerprint'))).toEqual(['fprint:c1', 'fprint:s1', 'fprint:c2']);
	});

	it('filters with the query language', async () => {
		const records = await s.client.search({schema: 'event_log', query: `policy_uid = "${web}" AND NOT (message ~= "*action*" OR severity = "high")`, startTime: t0, endTime: t0 + 100});
		expect(ids(records)).toEqual(['log:b', 'log:e', 'log:f', 'log:g']);
	});

	it('a policy_uid the server narrows on in SQL still combines correctly with OR and NOT', async () => {
		const search = (query: string) => s.client.search({schema: 'event_log', query, startTime: t0, endTime: t0 + 50});
		expect(ids(await search(`policy_uid = "${db}" OR id = "log:c"`))).toEqual(['log:d', 'log:c']);
		expect(ids(await search(`NOT policy_uid = "${web}"`))).toEqual(['log:d']);
		expect(ids(await search(`id = "log:d" AND policy_uid = "${db}"`))).toEqual(['log:d']);
		expect(ids(await search(`id = "log:d" AND policy_uid = "${web}"`))).toEqual([]);
	});
});

describe('policy logs, deviations and fingerprints', () => {
	it("policyLogs returns one policy's events, oldest first, with their message", async () => {
		const events = await s.client.policyLogs(web, {startTime: t0, endTime: t0 + 50});
		expect(events.map(event => [event.id, event.time, event.message, event['severity']])).toEqual([
			['log:a', t0 + 10, 'guardian_action log:a', 'info'],
			['log:b', t0 + 10, 'guardian_deviation log:b', 'info'],
			['log:c', t0 + 40, 'guardian_flag log:c', 'high'],
		]);
	});

	it('deviations returns one per checksum; the server already refuses a repeated checksum for a policy', async () => {
		expect(s.server.records.insertDeviation(deviation(web, t0 + 35, 'c2', {id: 'dev:again'}))).toBe(false);
		// The same checksum under another policy is another deviation.
		expect(s.server.records.insertDeviation(deviation(db, t0 + 90, 'c2', {id: 'dev:db-c2'}))).toBe(true);
		const found = await s.client.deviations(web, {startTime: t0, endTime: t0 + 100});
		expect(found.map(record => [record.id, record.checksum, record.deviation['kind']])).toEqual([
			['dev:c1', 'c1', 'GuardianDeviation'],
			['dev:c2', 'c2', 'GuardianDeviation'],
			['dev:c3', 'c3', 'GuardianDeviation'],
		]);
		expect(found[0]?.description).toBe('Process "sh" using executable "/usr/bin/dash" deviated from policy "demo".');
	});

	it('fingerprints filters by workload type', async () => {
		const window = {startTime: t0, endTime: t0 + 100};
		expect(ids(await s.client.fingerprints({type: 'container', ...window}))).toEqual(['fprint:c1', 'fprint:c2']);
		expect(ids(await s.client.fingerprints({type: 'linux-service', ...window}))).toEqual(['fprint:s1']);
		expect(ids(await s.client.fingerprints(window))).toHaveLength(3);
	});

	it('a newer fingerprint with the same id replaces the stored one; an older one does not', async () => {
		expect(s.server.records.insertFingerprint({...fingerprint('fprint:c2', t0 + 8, 'container'), spec: {version: 2}})).toBe(true);
		expect(s.server.records.insertFingerprint({...fingerprint('fprint:c2', t0 + 1, 'container'), spec: {version: 0}})).toBe(false);
		const [latest] = await s.client.search({schema: 'model_fingerprint', query: 'id = "fprint:c2"', startTime: t0, endTime: t0 + 100});
		expect(latest).toMatchObject({time: t0 + 8, spec: {version: 2}});
	});
});

describe('client search errors', () => {
	async function failure(run: () => Promise<unknown>): Promise<ApiRequestError> {
		try {
			await run();
		} catch (error) {
			if (error instanceof ApiRequestError) return error;
			throw error;
		}
		throw new Error('no error');
	}

	it('a bad query is a validation error with the column', async () => {
		const error = await failure(() => s.client.search({schema: 'event_log', query: 'policy_uid = "x" OR', startTime: t0, endTime: t0 + 100}));
		expect(error.kind).toBe('validation');
		expect(error.details).toMatchObject({status: 400, field: 'query', contextUid: expect.stringMatching(/^ctx:/)});
		expect(error.message).toContain('invalid query: expected a field name, found the end of the query at column 20');
	});

	it('an unknown schema is a validation error', async () => {
		const error = await failure(() => s.client.search({schema: 'model_k8s_pod', query: '*', startTime: t0, endTime: t0 + 100}));
		expect(error.kind).toBe('validation');
		expect(error.message).toContain("schema 'model_k8s_pod' is not served by spytui");
	});

	it('a wrong key is an auth error, and another org is not found', async () => {
		const stranger = createApiClient({apiUrl: s.server.url, apiKey: 'wrong', organization: s.orgUid}, {retries: 0});
		expect((await failure(() => stranger.policyLogs(web, {startTime: t0, endTime: t0 + 1}))).kind).toBe('auth');
		const elsewhere = await failure(() => searchAll(s.http, 'someoneelse', {schema: 'event_log', query: '*', startTime: t0, endTime: t0 + 1}));
		expect(elsewhere.kind).toBe('not-found');
		expect(elsewhere.message).toContain('organization someoneelse not found');
	});

	it('a server that goes away during a search is a network error', async () => {
		const gone = await startSearchServer();
		insertAll(gone.server, {events: Array.from({length: 20_000}, (_, n) => logEvent(web, t0 + n, `log:${n}`))});
		await gone.client.org();
		const search = gone.client.search({schema: 'event_log', query: '*', startTime: t0, endTime: t0 + 20_000}, {pollInterval: 1});
		await new Promise(resolve => setTimeout(resolve, 20));
		await gone.server.close();
		const error = await failure(() => search);
		expect(error.kind).toBe('network');
		expect(error.message).toMatch(/^searching event_log failed: (connection refused|ECONNRESET)/);
	});
});
