import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHttp} from '../../source/api/http.js';
import {type SearchServer, deviation, fingerprint, insertAll, logEvent, startSearchServer, t0} from './search-fixtures.js';

let s: SearchServer;
const web = 'pol:webwebwebwebwebwebweb1';
const db = 'pol:dbdbdbdbdbdbdbdbdbdb12';
const block = 43_200;

beforeAll(async () => {
	s = await startSearchServer();
	insertAll(s.server, {
		deviations: [deviation(web, t0 + 20, 'c2'), deviation(web, t0 + 10, 'c1'), deviation(db, t0 + 10, 'd1')],
		events: [
			logEvent(web, t0 + 30, 'log:flag', 'guardian_flag'),
			logEvent(web, t0 + 10, 'log:dev', 'guardian_deviation'),
			logEvent(web, t0 + 20, 'log:action', 'guardian_action'),
			logEvent(db, t0 + 15, 'log:db', 'guardian_deviation'),
			// Exactly on the boundary between two of spyctl's 12 h blocks.
			logEvent(web, t0 + block, 'log:boundary', 'guardian_deviation'),
		],
		fingerprints: [fingerprint('fprint:c1', t0 + 5, 'container', 'mach:one'), fingerprint('fprint:s1', t0 + 6, 'linux-service', 'mach:one'), fingerprint('fprint:c2', t0 + 7, 'container', 'mach:two')],
	});
});
afterAll(async () => s.server.close());

/** POSTs the body bytes as given: these are the bodies Python's requests sends for spyctl's `json=` dicts. */
async function post(path: string, body: string, http = s.http) {
	const response = await http.post(path, {body, headers: {'content-type': 'application/json'}, throwHttpErrors: false});
	return {status: response.statusCode, type: response.headers['content-type'], text: response.body};
}

function lines(text: string): Record<string, unknown>[] {
	expect(text === '' || text.endsWith('\n')).toBe(true);
	return text
		.split('\n')
		.filter(line => line !== '')
		.map(line => JSON.parse(line) as Record<string, unknown>);
}

const logsPath = () => `api/v1/org/${s.orgUid}/analyticspolicy/logs`;

/** spyctl-cli's get_filtered_data for `logs` (event_log schemas, develop and later). */
const newLogsBody = (schema: string, start = t0, end = t0 + block, policy = web) =>
	`{"start_time": ${start}, "end_time": ${end}, "data_type": "audit", "pipeline": [{"filter": {"schema": "${schema}"}}, {"latest_model": {}}], "org_uid": "${s.orgUid}", "src_uid": "${policy}"}`;

/** spyctl 0.13's source query body for policy logs and deviations, times as Python floats. */
const oldLogsBody = (schema: string) =>
	`{"start_time": ${t0}.0, "end_time": ${t0 + block}.0, "data_type": "audit", "org_uid": "${s.orgUid}", "src_uid": "${web}", "pipeline": [{"filter": {"schema": "${schema}"}}, {"latest_model": {}}]}`;

/** spyctl 0.13's fingerprint source query: the org's global source. */
const fingerprintBody = (schema: string, source = `global:${s.orgUid}`, org = s.orgUid) =>
	`{"start_time": ${t0}.0, "end_time": ${t0 + 3600}.0, "data_type": "fingerprints", "org_uid": "${org}", "src_uid": "${source}", "pipeline": [{"filter": {"schema": "${schema}"}}, {"latest_model": {}}]}`;

describe('POST /api/v1/org/{org}/analyticspolicy/logs', () => {
	it("answers event_log with the policy's events as NDJSON, in time order", async () => {
		const response = await post(logsPath(), newLogsBody('event_log'));
		expect(response.status).toBe(200);
		expect(response.type).toMatch(/^application\/x-ndjson/);
		const events = lines(response.text);
		expect(events.map(event => event['id'])).toEqual(['log:dev', 'log:action', 'log:flag']);
		expect(events[0]).toEqual({id: 'log:dev', schema: 'event_log:guardian_deviation:1.0.0', time: t0 + 10, policy_uid: web, message: 'guardian_deviation log:dev', severity: 'info'});
	});

	it('narrows event_log by subtype', async () => {
		expect(lines((await post(logsPath(), newLogsBody('event_log:guardian_flag'))).text).map(event => event['id'])).toEqual(['log:flag']);
		expect(lines((await post(logsPath(), newLogsBody('event_log:guardian_action'))).text).map(event => event['id'])).toEqual(['log:action']);
	});

	it("answers event_deviation with the policy's deviation records", async () => {
		const records = lines((await post(logsPath(), newLogsBody('event_deviation'))).text);
		expect(records.map(record => [record['id'], record['checksum'], (record['deviation'] as Record<string, unknown>)['kind']])).toEqual([
			['dev:c1', 'c1', 'GuardianDeviation'],
			['dev:c2', 'c2', 'GuardianDeviation'],
		]);
	});

	it("reads spyctl 0.13's event_audit names, and gives each event the description 0.13 prints", async () => {
		const all = lines((await post(logsPath(), oldLogsBody('event_audit'))).text);
		expect(all.map(event => [event['id'], event['description']])).toEqual([
			['log:dev', 'guardian_deviation log:dev'],
			['log:action', 'guardian_action log:action'],
			['log:flag', 'guardian_flag log:flag'],
		]);
		expect(lines((await post(logsPath(), oldLogsBody('event_audit:guardian_redflag'))).text).map(event => event['id'])).toEqual(['log:flag']);
		expect(lines((await post(logsPath(), oldLogsBody('event_audit:guardian_action'))).text).map(event => event['id'])).toEqual(['log:action']);
		const deviations = lines((await post(logsPath(), oldLogsBody('event_audit:guardian_deviation'))).text);
		expect(deviations.map(record => record['id'])).toEqual(['dev:c1', 'dev:c2']);
		expect(deviations[0]).toMatchObject({description: expect.stringContaining('deviated from policy'), deviation: {kind: 'GuardianDeviation'}});
	});

	it("spyctl's back-to-back 12 h blocks return a record on their boundary once", async () => {
		const first = lines((await post(logsPath(), newLogsBody('event_log', t0, t0 + block))).text);
		const second = lines((await post(logsPath(), newLogsBody('event_log', t0 + block, t0 + 2 * block))).text);
		expect([...first, ...second].filter(event => event['id'] === 'log:boundary')).toHaveLength(1);
		expect(second.map(event => event['id'])).toEqual(['log:boundary']);
	});

	it('a schema with no records behind it is an empty answer', async () => {
		const response = await post(logsPath(), newLogsBody('event_redflag'));
		expect(response).toMatchObject({status: 200, text: ''});
	});

	it('refuses what it cannot do rather than answering unfiltered', async () => {
		const stage = await post(logsPath(), `{"start_time": ${t0}, "end_time": ${t0 + 60}, "src_uid": "${web}", "pipeline": [{"sort": {"field": "time"}}]}`);
		expect(stage.status).toBe(400);
		expect(JSON.parse(stage.text)).toMatchObject({err_msg: "pipeline stage 'sort' is not supported by spytui; it supports filter (on schema) and latest_model", field: 'pipeline'});
		const filter = await post(logsPath(), `{"start_time": ${t0}, "end_time": ${t0 + 60}, "src_uid": "${web}", "pipeline": [{"filter": {"muid": "mach:one"}}]}`);
		expect(JSON.parse(filter.text)).toMatchObject({err_msg: "pipeline filter on 'muid' is not supported by spytui; it filters on schema only"});
		const noPolicy = await post(logsPath(), `{"start_time": ${t0}, "end_time": ${t0 + 60}}`);
		expect(JSON.parse(noPolicy.text)).toMatchObject({err_msg: 'src_uid (the policy uid) is required'});
		const noTime = await post(logsPath(), `{"end_time": ${t0 + 60}, "src_uid": "${web}"}`);
		expect(JSON.parse(noTime.text)).toMatchObject({err_msg: 'start_time must be epoch seconds (a number)'});
	});

	it('needs the key; another org, in the path or the body, is a 404', async () => {
		expect((await post(logsPath(), newLogsBody('event_log'), createHttp(s.server.url, 'wrong', {retries: 0}))).status).toBe(401);
		expect((await post('api/v1/org/someoneelse/analyticspolicy/logs', newLogsBody('event_log'))).status).toBe(404);
		const body = newLogsBody('event_log').replace(`"org_uid": "${s.orgUid}"`, '"org_uid": "someoneelse"');
		const response = await post(logsPath(), body);
		expect(response.status).toBe(404);
		expect(JSON.parse(response.text)).toEqual({err_msg: 'organization someoneelse not found'});
	});
});

describe('POST /api/v1/source/query/', () => {
	it("answers spyctl 0.13's fingerprint query for the org's global source as NDJSON", async () => {
		const response = await post('api/v1/source/query/', fingerprintBody('model_fingerprint:container'));
		expect(response.status).toBe(200);
		expect(response.type).toMatch(/^application\/x-ndjson/);
		const prints = lines(response.text);
		expect(prints.map(print => print['id'])).toEqual(['fprint:c1', 'fprint:c2']);
		expect(prints[0]).toMatchObject({schema: 'model_fingerprint:container', metadata: {type: 'container', muid: 'mach:one'}});
		expect(lines((await post('api/v1/source/query/', fingerprintBody('model_fingerprint:linux_svc'))).text).map(print => print['id'])).toEqual(['fprint:s1']);
		expect(lines((await post('api/v1/source/query/', fingerprintBody('model_fingerprint'))).text)).toHaveLength(3);
	});

	it("a machine's source holds that machine's fingerprints", async () => {
		expect(lines((await post('api/v1/source/query', fingerprintBody('model_fingerprint', 'mach:two'))).text).map(print => print['id'])).toEqual(['fprint:c2']);
	});

	it('serves fingerprints only, and checks the org and the key', async () => {
		const other = await post('api/v1/source/query/', fingerprintBody('model_fingerprint').replace('"data_type": "fingerprints"', '"data_type": "k8s"'));
		expect(other.status).toBe(400);
		expect(JSON.parse(other.text)).toMatchObject({err_msg: "data_type 'k8s' is not served by spytui; its source query serves fingerprints only", field: 'data_type'});
		const elsewhere = await post('api/v1/source/query/', fingerprintBody('model_fingerprint', 'global:someoneelse', 'someoneelse'));
		expect(elsewhere.status).toBe(404);
		const noOrg = await post('api/v1/source/query/', `{"start_time": ${t0}, "end_time": ${t0 + 60}, "data_type": "fingerprints"}`);
		expect(JSON.parse(noOrg.text)).toMatchObject({err_msg: 'org_uid is required'});
		expect((await post('api/v1/source/query/', fingerprintBody('model_fingerprint'), createHttp(s.server.url, 'wrong', {retries: 0}))).status).toBe(401);
	});
});
