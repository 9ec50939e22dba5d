import {afterEach, describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {KEYS} from '../helpers/ink.js';
import {type ApiApp, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** Someone else's change, made through the API while the app holds a draft. */
async function changeOnServer(current: ApiApp, name: string, spec: Record<string, unknown>): Promise<void> {
	const document = await current.policy(name);
	const {version: _version, ...policy} = document;
	await current.during(async () => current.server.client.updatePolicy({...policy, spec: {...policy.spec, ...spec}} as PolicyDocument));
}

describe('conflicts: never a silent overwrite', () => {
	test('a 409 on apply shows both changes; reload and re-apply puts the edit on top, previews it, then applies', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 100, rows: 50});
		await app.press('m');
		await changeOnServer(app, 'alpha', {response: {default: [{makeRedFlag: {severity: 'critical'}}], actions: []}});
		// The list has not been refreshed, so the preview still believes version 1.
		await app.press('a', KEYS.tab, KEYS.enter);
		await app.waitForFrame(frame => frame.includes('Conflict: alpha changed on the server'));
		let frame = app.frame();
		expect(frame).toContain('! not applied: the policy changed on the server (the server has version 2, your draft is based on 1)');
		expect(frame).toMatch(/The server has version 2 \(last updated by \S+\); your draft is based on version 1\./);
		expect(frame).toMatch(/Changed on the server \(version 1 → version 2\): \d+ to add, \d+ to change, \d+ to remove/);
		expect(frame).not.toContain('version: 1 → 2');
		expect(frame).toMatch(/~ +severity: high → critical/);
		expect(frame).toContain('Your edit (on version 1): 0 to add, 1 to change, 0 to remove');
		expect(frame).toContain('~   mode: audit → enforce');
		expect(frame).toContain('[ Cancel ]  [ Reload and re-apply my edit ]');

		await app.press(KEYS.tab, KEYS.enter);
		frame = app.frame();
		expect(frame).toContain('re-applied your edit on version 2: check the preview, then apply');
		expect(frame).toContain('From the server copy (version 2) to your draft');
		expect(frame).toContain('~   mode: audit → enforce');
		expect(frame).not.toContain('severity: critical → high');

		await app.press(KEYS.tab, KEYS.enter);
		await app.waitForFrame(current => current.includes('Successfully updated policy'));
		const stored = await app.policy('alpha');
		expect(stored.version).toBe(3);
		expect(stored.spec['mode']).toBe('enforce');
		expect(stored.spec['response']).toEqual({default: [{makeRedFlag: {severity: 'critical'}}], actions: []});
	});

	test('a refresh that shows a newer version marks the draft; a goes to the conflict view; cancel sends nothing', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 100, rows: 40});
		await app.press('m');
		await changeOnServer(app, 'alpha', {enabled: true});
		await app.press('r');
		await app.waitForFrame(frame => frame.includes('changed on the server since your draft: alpha'));
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ ! alpha/);
		expect(app.frame()).toContain('draft: the server has a newer version');
		await app.press('a');
		expect(app.frame()).toContain('Conflict: alpha changed on the server');
		await app.press(KEYS.escape);
		expect((await app.policy('alpha')).version).toBe(2);
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ ! alpha/);
	});

	test('a field both sides changed is named; the edit wins there, and the preview shows it before anything is sent', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 100, rows: 40});
		await app.press('e');
		await changeOnServer(app, 'alpha', {enabled: true, mode: 'enforce'});
		await app.press('r');
		await app.waitForFrame(frame => frame.includes('changed on the server since your draft'));
		await app.press('a', KEYS.right, KEYS.enter);
		expect(app.frame()).toContain('changed on both sides, your value kept: spec.enabled');
		expect(app.frame()).toContain('~   enabled: true → false');
		expect(app.frame()).toContain('[ Cancel ]  [ Apply ]');
	});

	test('when the server already has the edit, re-applying leaves no draft', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 100, rows: 40});
		await app.press('m');
		await changeOnServer(app, 'alpha', {mode: 'enforce'});
		await app.press('r');
		await app.waitForFrame(frame => frame.includes('changed on the server since your draft'));
		await app.press('a', KEYS.tab, KEYS.enter);
		expect(app.frame()).toContain('version 2 on the server already has your edit; no draft left');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha +Enforcing/);
	});
});
