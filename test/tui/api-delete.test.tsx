import {afterEach, describe, expect, test} from 'vitest';
import {ApiRequestError} from '../../source/api/errors.js';
import {draftStore} from '../../source/operations/drafts.js';
import {KEYS} from '../helpers/ink.js';
import {type ApiApp, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('delete: D and ctrl+d', () => {
	test('asks for the policy name; a wrong name deletes nothing, the right one deletes it', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo']});
		await app.press('j', 'D');
		expect(app.frame()).toContain('Delete bravo?');
		expect(app.frame()).toContain(`This deletes policy bravo (${app.uids.get('bravo')}) from the embedded server. spytui cannot`);
		await app.press(...'brav', KEYS.enter);
		expect(app.frame()).toContain('! type the policy name exactly to delete it: bravo');
		expect(app.frame()).toContain('> brav');
		await app.press('o');
		expect(app.frame()).toContain('enter deletes');
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('Successfully deleted policy'));
		expect(app.frame()).toContain(`ℹ Successfully deleted policy 'bravo - ${app.uids.get('bravo')}'`);
		expect(rowOf(app.frame(), 'bravo')).toBe('');
		const client = app.server.client;
		const uid = app.uids.get('bravo')!;
		await expect(app.during(async () => client.getPolicy(uid))).rejects.toBeInstanceOf(ApiRequestError);
		await app.waitForFrame(frame => frame.includes('1 policy'));
	});

	test('ctrl+d opens the same dialog; esc closes it and deletes nothing', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('\u0004');
		expect(app.frame()).toContain('Delete alpha?');
		await app.press(...'alpha', KEYS.escape);
		expect(app.frame()).toContain('STATUS');
		expect((await app.policy('alpha')).version).toBe(1);
	});

	test('deleting a policy with a draft says so, and throws the draft away', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('m', 'D');
		expect(app.frame()).toContain('Its unapplied draft is thrown away too.');
		await app.press(...'alpha', KEYS.enter);
		await app.waitForFrame(frame => frame.includes('Successfully deleted policy'));
		expect(draftStore(app.dataDir).list()).toEqual([]);
		expect(app.frame().split('\n')[0]).not.toContain('draft');
	});
});
