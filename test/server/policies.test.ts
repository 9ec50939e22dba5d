import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server.close();
});

/** Raw HTTP, to check the wire format exactly as spyctl sends and reads it. */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(`${server.url}${path}`, {
		method,
		headers: {authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return {status: response.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, headers: response.headers};
}

const policies = () => `/api/v1/org/${server.org.uid}/analyticspolicy/`;

describe('policy endpoints (reference §2.3)', () => {
	test('the list carries an entity tag: sent back with If-None-Match it is a 304 with no body, until a write', async () => {
		const created = await call('POST', policies(), {policy: samplePolicy('tagged')});
		const listed = await call('GET', policies());
		const etag = listed.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]+"$/);
		const again = await call('GET', policies(), undefined, {'if-none-match': etag!});
		expect(again.status).toBe(304);
		expect(again.text).toBe('');
		expect((await call('GET', `${policies()}?type=linux-service`, undefined, {'if-none-match': etag!})).status).toBe(200);
		await call('DELETE', `${policies()}${String(created.json!['uid'])}`);
		const after = await call('GET', policies(), undefined, {'if-none-match': etag!});
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(etag);
	});

	test('GET /api/v1/org/ returns the one org', async () => {
		const response = await call('GET', '/api/v1/org/');
		expect(response.status).toBe(200);
		expect(response.json).toEqual([expect.objectContaining({uid: server.org.uid, name: 'spytui local'})]);
	});

	test('create (new body), get, and the DaoOutputAnalyticsPolicy shape with server metadata', async () => {
		const created = await call('POST', policies(), {policy: samplePolicy('shape')});
		expect(created.status).toBe(200);
		const uid = created.json!['uid'] as string;
		expect(uid).toMatch(/^pol:[A-Za-z0-9]{20}$/);
		const record = (await call('GET', `${policies()}${uid}`)).json!;
		expect(Object.keys(record).sort()).toEqual(['created_by', 'last_updated', 'last_updated_by', 'name', 'orgid', 'policy', 'selector_hash', 'tags', 'type', 'uid', 'valid_from', 'valid_to', 'version']);
		const metadata = (record['policy'] as {metadata: Record<string, unknown>}).metadata;
		expect(metadata).toMatchObject({uid, version: 1, name: 'shape', type: 'container'});
		for (const key of ['creationTimestamp', 'createdBy', 'lastUpdatedBy', 'lastUpdatedTimestamp', 'selectorHash']) expect(metadata).toHaveProperty(key);
		// Keys come back in alphabetical order, as from the real API.
		expect(Object.keys(metadata)).toEqual([...Object.keys(metadata)].sort());
	});

	test('the old create body (policy as a JSON string, name, type, selectors) is accepted, and old PUT /{uid}', async () => {
		const document = samplePolicy('old-style');
		const created = await call('POST', policies(), {
			name: 'old-style',
			policy: JSON.stringify(document),
			selectors: JSON.stringify({containerSelector: document.spec.containerSelector}),
			type: 'container',
			uid: '',
			tags: [],
		});
		expect(created.status).toBe(200);
		const uid = created.json!['uid'] as string;
		const updated = await call('PUT', `${policies()}${uid}`, {name: 'old-style', policy: JSON.stringify({...document, spec: {...document.spec, mode: 'enforce'}}), type: 'container', tags: []});
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({uid, version: 2});
	});

	test('update keeps every version, readable with archive_version and from_archive', async () => {
		const uid = await server.client.createPolicy(samplePolicy('versions'));
		const first = await server.client.getPolicy(uid);
		first.policy.spec['mode'] = 'enforce';
		const second = await server.client.updatePolicy(first.policy);
		expect(second.version).toBe(2);
		expect((await server.client.getPolicy(uid, {archiveVersion: 1})).policy.spec['mode']).toBe('audit');
		const archive = await server.client.listPolicies({from_archive: true, name_equals: 'versions'});
		expect(archive.map(policy => policy.version)).toEqual([1, 2]);
	});

	test('an update based on an older version is refused with 409 naming both versions; nothing is overwritten', async () => {
		const uid = await server.client.createPolicy(samplePolicy('conflict'));
		const mine = await server.client.getPolicy(uid);
		const theirs = await server.client.getPolicy(uid);
		theirs.policy.spec['mode'] = 'enforce';
		await server.client.updatePolicy(theirs.policy);
		mine.policy.spec['enabled'] = false;
		await expect(server.client.updatePolicy(mine.policy)).rejects.toMatchObject({kind: 'conflict', details: {currentVersion: 2, yourVersion: 1}});
		const stored = await server.client.getPolicy(uid);
		expect(stored.policy.spec).toMatchObject({mode: 'enforce'});
		expect(stored.policy.spec['enabled']).toBeUndefined();
	});

	test('server-side validation answers 400 {err_msg, field} with the validator\'s words', async () => {
		const response = await call('POST', policies(), {policy: samplePolicy('bad', {mode: 'bogus'})});
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({field: 'spec.mode', err_msg: expect.stringContaining('must be one of audit, enforce')});
		await expect(server.client.createPolicy(samplePolicy('bad', {mode: 'bogus'}) as never)).rejects.toMatchObject({kind: 'validation', details: {field: 'spec.mode'}});
	});

	test('list filters: type, name_contains, name_or_uid_contains, name_equals, selector_hash_equals', async () => {
		const uid = await server.client.createPolicy(samplePolicy('filter-target'));
		await server.client.createPolicy({...samplePolicy('filter-other'), metadata: {name: 'filter-other', type: 'linux-service'}, spec: {...samplePolicy().spec, containerSelector: undefined, serviceSelector: {cgroup: 'systemd:/system.slice/x.service'}}} as never);
		expect((await server.client.listPolicies({name_contains: 'FILTER-T'})).map(policy => policy.uid)).toEqual([uid]);
		expect((await server.client.listPolicies({name_or_uid_contains: uid.slice(4, 12)})).map(policy => policy.uid)).toEqual([uid]);
		expect((await server.client.listPolicies({name_equals: 'filter-target'})).map(policy => policy.uid)).toEqual([uid]);
		expect((await server.client.listPolicies({type: 'linux-service', name_contains: 'filter'})).map(policy => policy.name)).toEqual(['filter-other']);
		const hash = (await server.client.getPolicy(uid)).policy.metadata['selectorHash'] as string;
		expect((await server.client.listPolicies({selector_hash_equals: hash})).map(policy => policy.uid)).toContain(uid);
	});

	test('delete removes the policy; a second delete is 404', async () => {
		const uid = await server.client.createPolicy(samplePolicy('doomed'));
		await server.client.deletePolicy(uid);
		await expect(server.client.getPolicy(uid)).rejects.toMatchObject({kind: 'not-found'});
		await expect(server.client.deletePolicy(uid)).rejects.toMatchObject({kind: 'not-found'});
	});
});

describe('robustness', () => {
	test('no token is 401, another org is 404, unknown route is 404 JSON', async () => {
		expect((await call('GET', policies(), undefined, {authorization: ''})).status).toBe(401);
		expect((await call('GET', policies(), undefined, {authorization: 'Bearer nope'})).status).toBe(401);
		const other = await call('GET', '/api/v1/org/someoneElse/analyticspolicy/');
		expect(other.status).toBe(404);
		const unknown = await call('GET', '/api/v2/whatever');
		expect(unknown).toMatchObject({status: 404, json: {err_msg: expect.stringContaining('no route')}});
	});

	test('malformed JSON is 400 JSON; a body over 10 MB is 413', async () => {
		expect(await call('POST', policies(), '{"policy": ')).toMatchObject({status: 400, json: {err_msg: 'request body is not valid JSON'}});
		const huge = JSON.stringify({policy: samplePolicy('huge'), padding: 'x'.repeat(10 * 1024 * 1024)});
		expect((await call('POST', policies(), huge)).status).toBe(413);
	});

	test('every answer carries an x-context-uid', async () => {
		expect((await call('GET', '/api/v1/org/')).headers.get('x-context-uid')).toMatch(/^ctx:/);
	});

	test('the token file is readable by its owner only', () => {
		expect(fs.statSync(server.tokenFile).mode & 0o777).toBe(0o600);
	});
});

