import {afterEach, describe, expect, test} from 'vitest';
import {draftStore} from '../../source/operations/drafts.js';
import {KEYS} from '../helpers/ink.js';
import {type ApiApp, detailTitle, freshDataDir, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('drafts: m, e and u', () => {
	test('m toggles the mode as a draft: the row is marked, the detail shows the draft and what it changes', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo']});
		await app.press('m');
		const frame = app.frame();
		expect(rowOf(frame, 'alpha')).toMatch(/^│ \* alpha +Enforcing +container +enforce +1 /);
		expect(detailTitle(frame)).toContain('alpha  Enforcing  draft, not applied');
		expect(frame).toContain('draft  not applied: 1 change to the server copy (a applies, u undoes)');
		expect(frame).toContain('~ spec.mode  audit → enforce');
		expect(frame).toContain('ℹ alpha: mode audit → enforce (a draft: a applies it, u undoes)');
		expect(frame.split('\n')[0]).toContain('1 draft');
		// The server still has the old mode.
		expect((await app.policy('alpha')).spec['mode']).toBe('audit');
	});

	test('e toggles enabled; u undoes one edit at a time, and the last undo drops the draft', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('e');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/\* alpha +Disabled/);
		await app.press('m');
		expect(app.frame()).toContain('~ spec.mode  audit → enforce');
		expect(app.frame()).toContain('+ spec.enabled  false');
		await app.press('u');
		expect(app.frame()).not.toContain('spec.mode  audit');
		expect(app.frame()).toContain('alpha: undid the last edit');
		await app.press('u');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha +Auditing/);
		expect(app.frame()).toContain('no draft left');
		await app.press('u');
		expect(app.frame()).toContain('u: alpha has no draft: m, e or E make one');
	});

	test('pressing m twice comes back to the server copy, which leaves no draft', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press('m', 'm');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha +Auditing/);
		expect(app.frame()).toContain('the same as the server copy: no draft left');
	});

	test('drafts are written to the data dir as they are made, and removed when undone', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo']});
		await app.press('m', 'j', 'e');
		const saved = draftStore(app.dataDir).list();
		expect(saved.map(draft => [draft.name, draft.baseVersion, draft.history.length])).toEqual([
			['alpha', 1, 1],
			['bravo', 1, 1],
		]);
		await app.press('u');
		expect(draftStore(app.dataDir).list().map(draft => draft.name)).toEqual(['alpha']);
	});

	test('drafts come back on the next start, with a notice', async () => {
		const dataDir = freshDataDir();
		const first = await openApiApp({policies: ['alpha', 'bravo'], dataDir});
		await first.press('j', 'm');
		// Gone without quitting, as after a crash: the next app over the same data dir and server.
		await first.unmount();
		app = await openApiApp({dataDir, server: first.server});
		expect(app.frame()).toContain('ℹ restored 1 unapplied draft from the last session: bravo (a applies, u undoes)');
		expect(rowOf(app.frame(), 'bravo')).toMatch(/^│ \* bravo +Enforcing/);
		await app.close();
		app = undefined;
		await first.server.close();
	});

	test('a draft shows in the detail pane even with the detail pane focused, and u works there', async () => {
		app = await openApiApp({policies: ['alpha']});
		await app.press(KEYS.enter, 'm');
		expect(app.frame()).toContain('~ spec.mode  audit → enforce');
		await app.press('u');
		expect(app.frame()).toContain('no draft left');
	});
});
