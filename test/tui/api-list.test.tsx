import {afterEach, describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {KEYS} from '../helpers/ink.js';
import {samplePolicy} from '../helpers/server.js';
import {type ApiApp, detailTitle, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('the API-backed app: list, header and detail', () => {
	test('the header names the backend, org and connection; the table has UID NAME STATUS TYPE MODE VERSION AGE', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo'], columns: 220, rows: 40});
		const frame = app.frame();
		expect(frame.split('\n')[0]).toMatch(/^spytui {2}embedded {2}org spytui local {2}@local {2}● ok {2}2 policies$/);
		expect(frame).toMatch(/UID +NAME +STATUS +TYPE +MODE +VERSION +AGE/);
		expect(frame).toMatch(new RegExp(`│ {3}${app.uids.get('alpha')} +alpha +Auditing +container +audit +1 +\\d+s`));
	});

	test('at 80 columns the UID column gives way', async () => {
		app = await openApiApp({policies: ['a-policy-with-a-long-name'], columns: 80, rows: 24});
		expect(app.frame()).toMatch(/NAME +STATUS +TYPE +MODE +VERSION +AGE/);
		expect(app.frame()).not.toContain('UID ');
	});

	test('j/k move the selection, and the detail pane shows the selected policy as a tree', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo', 'charlie']});
		expect(detailTitle(app.frame())).toContain('alpha  Auditing');
		await app.press('j', 'j');
		expect(detailTitle(app.frame())).toContain('charlie');
		await app.press('k');
		expect(detailTitle(app.frame())).toContain('bravo');
		expect(app.frame()).toContain(`uid ${app.uids.get('bravo')}  version 1`);
		expect(app.frame()).toContain('containerSelector  image registry.example.com/bravo:*');
		await app.press(KEYS.enter, 'G');
		expect(app.frame()).toContain('makeRedFlag  severity high');
	});

	test('only the visible rows are rendered', async () => {
		const names = Array.from({length: 30}, (_, index) => `policy-${String(index).padStart(2, '0')}`);
		app = await openApiApp({policies: names, columns: 80, rows: 24});
		expect(app.frame()).toContain('policy-00');
		expect(app.frame()).not.toContain('policy-29');
		expect(app.frame()).toContain('1/30');
		await app.press('G');
		expect(rowOf(app.frame(), 'policy-29')).not.toBe('');
		expect(rowOf(app.frame(), 'policy-00')).toBe('');
	});

	test('a refresh keeps the selection on the same policy, wherever it moves', async () => {
		app = await openApiApp({policies: ['bravo', 'charlie'], refreshMs: 100});
		await app.press('j');
		expect(detailTitle(app.frame())).toContain('charlie');
		// A new policy sorts first, pushing charlie down a row.
		const server = app.server;
		await app.during(async () => server.client.createPolicy(samplePolicy('aardvark') as PolicyDocument));
		await app.waitForFrame(frame => rowOf(frame, 'aardvark') !== '');
		expect(detailTitle(app.frame())).toContain('charlie');
		expect(app.frame()).toContain('3/3');
	});

	test('r lists the policies again at once', async () => {
		app = await openApiApp({policies: ['bravo']});
		const server = app.server;
		await app.during(async () => server.client.createPolicy(samplePolicy('zulu') as PolicyDocument));
		expect(rowOf(app.frame(), 'zulu')).toBe('');
		await app.press('r');
		await app.waitForFrame(frame => rowOf(frame, 'zulu') !== '');
		expect(app.frame()).toContain('2 policies');
	});

	test('a lost connection shows retrying, then offline with the last error; the list stays', async () => {
		app = await openApiApp({policies: ['bravo'], refreshMs: 100});
		const server = app.server;
		await app.during(async () => server.close());
		await app.waitForFrame(frame => /⟳ retrying \d\/3/.test(frame));
		await app.waitForFrame(frame => frame.includes('✗ offline: listing'), 15_000);
		expect(app.frame()).toContain('connection refused');
		expect(app.frame()).toContain('lost the connection');
		expect(rowOf(app.frame(), 'bravo')).not.toBe('');
	});

	test('y shows the policy as YAML; esc closes it', async () => {
		app = await openApiApp({policies: ['bravo'], columns: 100, rows: 40});
		await app.press('y');
		expect(app.frame()).toContain('bravo  YAML');
		expect(app.frame()).toContain('apiVersion: spyderbat/v1');
		expect(app.frame()).toContain('  mode: audit');
		await app.press(KEYS.escape);
		expect(app.frame()).toContain('STATUS');
	});
});
