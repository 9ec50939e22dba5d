import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {clock, containerFingerprint, ingest, nginx, sh, window} from './ingest-fixtures.js';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({clock});
	await server.client.createPolicy(samplePolicy('web'));
});
afterAll(async () => server.close());

const valid = containerFingerprint([nginx([sh()])]);

async function expectBadRequest(body: unknown, field: string, message?: RegExp) {
	const answer = await ingest(server, body);
	expect(answer.status).toBe(400);
	expect(answer.json['field']).toBe(field);
	expect(answer.json['err_msg']).toEqual(expect.stringContaining(`${field}: `));
	if (message) expect(answer.json['err_msg']).toMatch(message);
}

describe('bad ingest bodies are refused with 400 JSON naming the field, and nothing is stored', () => {
	test('not a JSON object, or JSON of no known form', async () => {
		const malformed = await ingest(server, '{"fingerprints": [');
		expect(malformed.status).toBe(400);
		expect(malformed.json).toEqual({err_msg: 'request body is not valid JSON'});
		await expectBadRequest([valid], 'body');
		await expectBadRequest({fingerprint: valid}, 'fingerprints', /needs "fingerprints"/);
	});

	test('an object of another kind', async () => {
		await expectBadRequest({fingerprints: [valid, samplePolicy('oops')]}, 'fingerprints[1].kind', /SpyderbatFingerprint or FingerprintGroup, not "SpyderbatPolicy"/);
		await expectBadRequest({items: ['text']}, 'items[0]');
	});

	test('a fingerprint the validator refuses, with the path of the problem inside the body', async () => {
		const emptyExe = containerFingerprint([{...nginx(), exe: []}]);
		await expectBadRequest({fingerprints: [valid, emptyExe]}, 'fingerprints[1].spec.processPolicy[0].exe');
		const noSelector = {...valid, spec: {...valid.spec, containerSelector: undefined}};
		await expectBadRequest(noSelector, 'spec', /Type is 'container' and no 'containerSelector' found in spec/);
		const unknownId = containerFingerprint([nginx()], {egress: [{to: [{dnsSelector: ['x.example.com']}], ports: [{protocol: 'TCP', port: 1}], processes: ['ghost_0']}]});
		await expectBadRequest({fingerprints: [unknownId]}, 'fingerprints[0].spec.networkPolicy.egress[0].processes[0]');
		const group = {apiVersion: 'spyderbat/v1', kind: 'FingerprintGroup', metadata: {}, data: {fingerprints: [valid, {...valid, metadata: {type: 'cluster'}}]}};
		await expectBadRequest({items: [group]}, 'items[0].data.fingerprints[1].metadata.type');
	});

	test('a refused batch stores nothing, not even its valid fingerprints', async () => {
		expect(await server.client.fingerprints(window)).toEqual([]);
		expect(await server.client.search({schema: 'event_log', query: '*', ...window})).toEqual([]);
	});

	test('another org is a 404 and no key a 401, as for every route', async () => {
		const wrongOrg = await fetch(`${server.url}/api/v1/org/someoneelse/ingest/`, {method: 'POST', headers: {authorization: `Bearer ${server.token}`, 'content-type': 'application/json'}, body: JSON.stringify(valid)});
		expect(wrongOrg.status).toBe(404);
		const noKey = await fetch(`${server.url}/api/v1/org/${server.org.uid}/ingest/`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(valid)});
		expect(noKey.status).toBe(401);
	});
});
