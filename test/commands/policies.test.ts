import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {parse, parseAllDocuments} from 'yaml';
import {cli} from '../helpers/cli.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {homeWithContext, homeWithServerDown} from './api-context.js';

let server: TestServer;
let place: {home: string; cwd: string};
const run = (argv: string[], options: {stdin?: string; stdinIsTty?: boolean} = {}) => cli(argv, {home: place.home, cwd: place.cwd, env: {}, ...options});
const write = (name: string, value: unknown) => {
	const file = path.join(place.cwd, name);
	fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
	return name;
};

beforeAll(async () => {
	server = await startTestServer();
	place = homeWithContext(server);
});
afterAll(async () => {
	await server.close();
});

describe('spytui get policies', () => {
	test('a plain table sorted by type then name, with spyctl\'s columns', async () => {
		const web = await server.client.createPolicy(samplePolicy('get-web'));
		const api = await server.client.createPolicy(samplePolicy('get-api', {mode: 'enforce'}));
		const listed = await run(['get', 'policies', 'get-']);
		expect(listed.code).toBe(0);
		const lines = listed.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^UID\s+NAME\s+STATUS\s+TYPE\s+VERSION\s+CREATE_TIME$/);
		expect(lines.slice(1).map(line => line.split(/\s+/).slice(0, 5))).toEqual([
			[api, 'get-api', 'Enforcing', 'container', '1'],
			[web, 'get-web', 'Auditing', 'container', '1'],
		]);
		expect(listed.stderr).toBe('Getting policies\n');
	});

	test('-o yaml prints the policy as the server holds it; the uid works without pol:', async () => {
		const uid = await server.client.createPolicy(samplePolicy('get-yaml'));
		const printed = await run(['get', 'policies', '-o', 'yaml', uid.slice(4)]);
		const documents = parseAllDocuments(printed.stdout).map(document => document.toJS() as {metadata: {uid: string; version: number}});
		expect(documents.map(document => document.metadata.uid)).toEqual([uid]);
		expect(documents[0]!.metadata.version).toBe(1);
	});

	test('-o json of several policies is an items list that apply accepts', async () => {
		const printed = await run(['get', 'policies', '-o', 'json', 'get-']);
		const list = JSON.parse(printed.stdout) as {apiVersion: string; items: unknown[]};
		expect(list.apiVersion).toBe('spyderbat/v1');
		expect(list.items.length).toBeGreaterThanOrEqual(2);
	});

	test('with the server down: one clear line and exit 1', async () => {
		const down = homeWithServerDown();
		const result = await cli(['get', 'policies'], {...down, env: {}});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^Error: listing organizations failed: connection refused \(127\.0\.0\.1:1\)$/m);
		expect(result.stderr).not.toContain('spytui_a-key-nobody-listens-for');
	});
});

describe('spytui apply', () => {
	test('creates without a uid and updates with one, in spyctl\'s words', async () => {
		const created = await run(['apply', '-f', write('new.json', samplePolicy('apply-me'))]);
		expect(created.code).toBe(0);
		const uid = /with uid: (pol:\w+)/.exec(created.stderr)![1]!;
		expect(created.stderr).toBe(`Successfully applied new container guardian policy with uid: ${uid}\n`);
		const current = (await server.client.getPolicy(uid)).policy;
		current.spec['mode'] = 'enforce';
		const updated = await run(['apply', '-f', write('update.json', current)]);
		expect(updated.stderr).toBe(`Successfully updated policy ${uid}\n`);
		expect((await server.client.getPolicy(uid)).version).toBe(2);
	});

	test('an items list is applied in order', async () => {
		const list = {apiVersion: 'spyderbat/v1', items: [samplePolicy('apply-first'), samplePolicy('apply-second')]};
		const applied = await run(['apply', '-f', write('list.json', list)]);
		expect(applied.stderr.trimEnd().split('\n')).toHaveLength(2);
		const names = (await server.client.listPolicies({name_contains: 'apply-'})).map(policy => policy.name);
		expect(names).toEqual(expect.arrayContaining(['apply-first', 'apply-second']));
	});

	test('an invalid file is never sent: every problem with its line, exit 1', async () => {
		const before = (await server.client.listPolicies()).length;
		const bad = write('bad.yaml', `apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nmetadata: {name: bad, type: container}\nspec:\n  containerSelector: {image: x}\n  mode: sometimes\n  processPolicy: []\n  networkPolicy: {ingress: [], egress: []}\n  response: {default: [], actions: []}\n`);
		const applied = await run(['apply', '-f', bad]);
		expect(applied.code).toBe(1);
		expect(applied.stderr).toContain('bad.yaml:6:9: spec.mode: must be one of audit, enforce');
		expect((await server.client.listPolicies()).length).toBe(before);
	});

	test('a conflict names both versions and the way out; nothing is overwritten', async () => {
		const uid = await server.client.createPolicy(samplePolicy('apply-conflict'));
		const stale = (await server.client.getPolicy(uid)).policy;
		const fresh = (await server.client.getPolicy(uid)).policy;
		fresh.spec['mode'] = 'enforce';
		await server.client.updatePolicy(fresh);
		stale.spec['enabled'] = false;
		const applied = await run(['apply', '-f', write('stale.json', stale)]);
		expect(applied.code).toBe(1);
		expect(applied.stderr).toContain('the server has version 2, and your copy is based on version 1');
		expect(applied.stderr).toContain(`spytui get policies -o yaml ${uid}`);
		expect((await server.client.getPolicy(uid)).policy.spec['enabled']).toBeUndefined();
	});

	test('an unknown uid is one line and exit 1', async () => {
		const ghost = {...samplePolicy('ghost'), metadata: {name: 'ghost', type: 'container', uid: 'pol:AAAAAAAAAAAAAAAAAAAA'}};
		const applied = await run(['apply', '-f', write('ghost.json', ghost)]);
		expect(applied.code).toBe(1);
		expect(applied.stderr).toMatch(/^Error: updating policy pol:A{20} failed: 404/m);
	});
});

describe('spytui delete policy', () => {
	test('confirms each match and deletes on yes', async () => {
		const uid = await server.client.createPolicy(samplePolicy('delete-yes'));
		const deleted = await run(['delete', 'policy', 'delete-yes'], {stdin: 'y\n', stdinIsTty: true});
		expect(deleted.stderr).toContain(`Are you sure you want to delete policy 'delete-yes - ${uid}' from Spyderbat? [Y/n] `);
		expect(deleted.stderr).toContain(`Successfully deleted policy 'delete-yes - ${uid}'`);
		await expect(server.client.getPolicy(uid)).rejects.toMatchObject({kind: 'not-found'});
	});

	test('no skips it', async () => {
		const uid = await server.client.createPolicy(samplePolicy('delete-no'));
		const kept = await run(['delete', 'policy', uid], {stdin: 'n\n', stdinIsTty: true});
		expect(kept.stderr).toContain(`Skipping delete of 'delete-no - ${uid}'`);
		expect((await server.client.getPolicy(uid)).uid).toBe(uid);
	});

	test('without a terminal and without -y it refuses, deleting nothing', async () => {
		const uid = await server.client.createPolicy(samplePolicy('delete-refused'));
		const refused = await run(['delete', 'policy', uid]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('Pass -y to confirm');
		expect((await server.client.getPolicy(uid)).uid).toBe(uid);
	});

	test('no match is spyctl\'s error', async () => {
		const missing = await run(['-y', 'delete', 'policy', 'no-such-policy']);
		expect(missing).toMatchObject({code: 1, stderr: "Error: No policies matching name_or_uid 'no-such-policy'\n"});
	});
});

test('a YAML file round-trips through get -o yaml and apply', async () => {
	const uid = await server.client.createPolicy(samplePolicy('roundtrip'));
	const printed = await run(['get', 'policies', '-o', 'yaml', uid]);
	const file = write('roundtrip.yaml', printed.stdout.replace('mode: audit', 'mode: enforce'));
	expect((await run(['apply', '-f', file])).stderr).toBe(`Successfully updated policy ${uid}\n`);
	expect((parse(printed.stdout) as {spec: {mode: string}}).spec.mode).toBe('audit');
	expect((await server.client.getPolicy(uid)).policy.spec['mode']).toBe('enforce');
});
