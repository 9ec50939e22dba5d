import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {draftStore} from '../../source/operations/drafts.js';
import {KEYS} from '../helpers/ink.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {type ApiApp, freshDataDir, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
let other: TestServer | undefined;
afterEach(async () => {
	await app?.close();
	await other?.close();
	app = undefined;
	other = undefined;
});

/** A second org with its own policies, for `:ctx`. */
async function otherServer(): Promise<TestServer> {
	const server = await startTestServer({dataDir: freshDataDir()});
	await server.client.createPolicy(samplePolicy('remote-one') as PolicyDocument);
	await server.client.createPolicy({...samplePolicy('remote-two'), metadata: {name: 'remote-two', type: 'linux-service'}, spec: {...samplePolicy('remote-two').spec, containerSelector: undefined, serviceSelector: {cgroup: 'systemd:/system.slice/remote.service'}}} as unknown as PolicyDocument);
	return server;
}

describe('the : command line', () => {
	test(':type filters the list by type; :type alone lists every type again', async () => {
		other = await otherServer();
		app = await openApiApp({policies: ['alpha'], contexts: {staging: other}});
		await app.press(':', ...'ctx staging', KEYS.enter);
		await app.waitForFrame(frame => frame.includes('context staging') && frame.includes('2 policies'));
		await app.press(':', ...'type linux-service', KEYS.enter);
		expect(app.frame()).toContain('Policies 1 of 2  type linux-service');
		expect(rowOf(app.frame(), 'remote-one')).toBe('');
		expect(app.frame()).toContain('listing linux-service policies only: 1 of 2');
		await app.press(':', ...'type', KEYS.enter);
		expect(app.frame()).toContain('Policies 2');
		expect(rowOf(app.frame(), 'remote-one')).not.toBe('');
	});

	test(':ctx NAME opens another API: the header and the list follow', async () => {
		other = await otherServer();
		app = await openApiApp({policies: ['alpha'], contexts: {staging: other}});
		await app.press(':', ...'ctx staging');
		expect(app.frame()).toContain(':ctx staging');
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('context staging') && rowOf(frame, 'remote-one') !== '');
		expect(app.frame().split('\n')[0]).toMatch(/^spytui {2}context staging {2}org spytui local {2}@127\.0\.0\.1:\d+ {2}● ok {2}2 policies/);
		expect(rowOf(app.frame(), 'alpha')).toBe('');
		expect(app.frame()).toContain('switched to context staging');
	});

	test('an unknown context is an error, and the app stays where it was', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press(':', ...'ctx nowhere', KEYS.enter);
		await app.waitForFrame(frame => frame.includes('could not switch'));
		expect(app.frame()).toContain("✗ could not switch to context nowhere: no context named 'nowhere' in the spyctl config");
		expect(app.frame().split('\n')[0]).toContain('embedded');
		expect(rowOf(app.frame(), 'alpha')).not.toBe('');
	});

	test('tab completes; an unknown command says which exist; esc closes the line', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press(':', 't', KEYS.tab, 'c');
		expect(app.frame()).toContain(':type c');
		await app.press(KEYS.tab);
		expect(app.frame()).toContain(':type container');
		await app.press(KEYS.escape, ':', ...'frobnicate', KEYS.enter);
		expect(app.frame()).toContain('✗ unknown command :frobnicate; the commands are ctx NAME, type TYPE');
		await app.press(KEYS.escape);
		expect(app.frame()).not.toContain('frobnicate');
	});

	test(':q quits', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press(':', 'q', KEYS.enter);
		expect(app.isListening()).toBe(false);
	});
});

describe('quit with drafts', () => {
	test('q lists the drafts and asks, with Stay focused; q again quits and the drafts stay saved', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo']});
		await app.press('m', 'j', 'e', 'q');
		const frame = app.frame();
		expect(frame).toContain('Quit with 2 unapplied drafts?');
		expect(frame).toContain('* alpha  changes spec.mode');
		expect(frame).toContain('* bravo  changes spec.enabled');
		expect(frame).toContain(`They stay saved in ${path.join(app.dataDir, 'drafts')}`);
		expect(frame).toContain('[ Stay ]  [ Quit ]');
		await app.press(KEYS.enter);
		expect(app.isListening()).toBe(true);
		expect(app.frame()).toContain('STATUS');
		await app.press('q', 'q');
		expect(app.isListening()).toBe(false);
		expect(draftStore(app.dataDir).list()).toHaveLength(2);
	});

	test('Quit, chosen with the arrow keys, quits too', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('m', 'q', KEYS.right, KEYS.enter);
		expect(app.isListening()).toBe(false);
	});
});

describe('s saves the policy to a file', () => {
	test('the flash says where; an existing file is never overwritten', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('s');
		await app.waitForFrame(frame => frame.includes('saved alpha to'));
		const first = path.join(app.saveDir, 'alpha.yaml');
		expect(app.frame()).toContain(`saved alpha to ${first}`);
		expect(fs.readFileSync(first, 'utf8')).toContain('mode: audit');
		await app.press('m', 's');
		await app.waitForFrame(frame => frame.includes('alpha-2.yaml'));
		// The draft is what the detail pane shows, so it is what is saved.
		expect(fs.readFileSync(path.join(app.saveDir, 'alpha-2.yaml'), 'utf8')).toContain('mode: enforce');
	});
});
