import {afterEach, describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {draftStore} from '../../source/operations/drafts.js';
import {KEYS} from '../helpers/ink.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {type ApiApp, detailTitle, freshDataDir, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
let server: TestServer | undefined;
afterEach(async () => {
	await app?.close();
	await server?.close();
	app = undefined;
	server = undefined;
});

describe('apply: a', () => {
	test('opens a preview of the draft against the server copy: counts and a coloured diff, with Cancel focused', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 100, rows: 30});
		await app.press('m', 'a');
		const frame = app.frame();
		expect(frame).toContain(`Apply alpha  ${app.uids.get('alpha')}`);
		expect(frame).toContain('Plan: 0 to add, 1 to change, 0 to remove');
		expect(frame).toContain('From the server copy (version 1) to your draft, on the embedded server.');
		expect(frame).toContain('~   mode: audit → enforce');
		expect(frame).toMatch(/… \d+ unchanged lines/);
		expect(frame).toContain('[ Cancel ]  [ Apply ]');
		// Enter on the focused button, Cancel, changes nothing.
		await app.press(KEYS.enter);
		expect(app.frame()).toContain('STATUS');
		expect((await app.policy('alpha')).spec['mode']).toBe('audit');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ \* alpha/);
	});

	test('f shows the whole diff; esc closes the preview', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 100, rows: 60});
		await app.press('m', 'a', 'f');
		expect(app.frame()).toContain('  apiVersion: spyderbat/v1');
		expect(app.frame()).not.toContain('unchanged line');
		await app.press(KEYS.escape);
		expect(app.frame()).toContain('STATUS');
	});

	test('Apply sends the draft; the flash says so, the draft is gone and the list shows the new status and version', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo']});
		await app.press('j', 'm', 'a', KEYS.tab, KEYS.enter);
		await app.waitForFrame(frame => frame.includes('Successfully updated policy'));
		expect(app.frame()).toContain(`ℹ Successfully updated policy ${app.uids.get('bravo')}`);
		await app.waitForFrame(frame => /^│ {3}bravo +Enforcing +container +enforce +2 /m.test(rowOf(frame, 'bravo')));
		expect(app.frame().split('\n')[0]).not.toContain('draft');
		expect(detailTitle(app.frame())).toContain('bravo  Enforcing');
		const stored = await app.policy('bravo');
		expect(stored.spec['mode']).toBe('enforce');
		expect(stored.version).toBe(2);
		expect(draftStore(app.dataDir).list()).toEqual([]);
	});

	test('a failed apply keeps the draft and shows the error with its field path', async () => {
		server = await startTestServer({dataDir: freshDataDir()});
		const uid = await server.client.createPolicy(samplePolicy('alpha') as PolicyDocument);
		const stored = await server.client.getPolicy(uid);
		const broken = {...stored.policy, spec: {...stored.policy.spec, response: {default: [{makeRedFlag: {severity: 'urgent'}}], actions: []}}};
		const dataDir = freshDataDir();
		// A draft file edited by hand while spytui was away: the server is what refuses it.
		draftStore(dataDir).save({uid, name: 'alpha', baseVersion: 1, base: stored.policy, history: [broken], updatedAt: 0});
		app = await openApiApp({server, dataDir});
		await app.press('a', KEYS.right, KEYS.enter);
		await app.waitForFrame(frame => frame.includes('apply failed'));
		expect(app.frame()).toContain('✗ apply failed, the draft is kept: updating policy');
		expect(app.frame()).toContain('spec.response.default[0].makeRedFlag.severity: must be one of critical');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ \* alpha/);
		expect(draftStore(dataDir).get(uid)).toBeDefined();
	});

	test('an apply to a policy deleted meanwhile fails with the API error, and keeps the draft', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('e');
		const client = app.server.client;
		const uid = app.uids.get('alpha')!;
		await app.during(async () => client.deletePolicy(uid));
		await app.press('a', KEYS.tab, KEYS.enter);
		await app.waitForFrame(frame => frame.includes('apply failed'));
		expect(app.frame()).toMatch(/apply failed, the draft is kept: updating policy pol:\w+ failed: 404/);
		expect(draftStore(app.dataDir).get(uid)).toBeDefined();
	});

	test('a without a draft says how to make one; keys wait while an apply is out', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('a');
		expect(app.frame()).toContain('! a: alpha has no draft: m, e or E make one');
	});
});
