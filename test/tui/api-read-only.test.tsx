import {afterEach, describe, expect, test} from 'vitest';
import {KEYS} from '../helpers/ink.js';
import {type ApiApp, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('--read-only', () => {
	test('the header shows the lock, the hint bar offers no key that changes something', async () => {
		app = await openApiApp({policies: ['alpha'], readOnly: true, columns: 120});
		const [header = '', ...rest] = app.frame().split('\n');
		expect(header).toContain('● ok  🔒 read-only  1 policy');
		const hints = rest.at(-1) ?? '';
		expect(hints).toContain('y yaml');
		for (const hint of ['m mode', 'e enable', 'E edit', 'a apply', 'u undo']) expect(hints).not.toContain(hint);
	});

	test('every key that changes something is refused, and says why', async () => {
		app = await openApiApp({policies: ['alpha'], readOnly: true});
		for (const key of ['m', 'e', 'u', 'a', 'E', 'D', '\u0004']) {
			await app.press(key);
			expect(app.frame()).toMatch(/! (m|e|u|a|E|D|ctrl\+d): spytui was started with --read-only/);
		}
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha +Auditing/);
		expect(app.frame()).not.toContain('Delete alpha?');
	});

	test('reading still works: the detail pane, YAML and filtering', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo'], readOnly: true});
		await app.press('/', ...'bra', KEYS.enter, 'y');
		expect(app.frame()).toContain('bravo  YAML');
	});
});
