import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {isKeyName} from '../../source/tui/keys.js';
import {clashes, startupKeymap} from '../../source/tui/startup-keymap.js';
import {tempDir} from '../helpers/temp.js';
import {type ApiApp, openApiApp, rowOf} from './api-app.js';

const root = tempDir('spytui-keymap-');

/** A config home holding `keys.yaml` with this text. */
function configHome(text: string): string {
	const home = fs.mkdtempSync(path.join(root, 'config-'));
	fs.mkdirSync(path.join(home, 'spytui'));
	fs.writeFileSync(path.join(home, 'spytui', 'keys.yaml'), text);
	return home;
}

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('the user keymap (~/.config/spytui/keys.yaml)', () => {
	test('replaces the keys of the commands it names; the rest keep their defaults', async () => {
		const {bindings, notices} = await startupKeymap({env: {XDG_CONFIG_HOME: configHome('policy.toggleMode: M\nlist.down: [n, down]\n')}, home: root});
		expect(notices).toEqual([]);
		expect(bindings.find(binding => binding.command === 'policy.toggleMode')?.keys).toEqual(['M']);
		expect(bindings.find(binding => binding.command === 'list.down')?.keys).toEqual(['n', 'down']);
		expect(bindings.find(binding => binding.command === 'list.up')?.keys).toEqual(['k', 'up']);
	});

	test('problems and clashes become notices; typed-text commands cannot be remapped', async () => {
		const file = configHome('policy.toggleMode: ctrl+shift+m\nfilter.type: x\nlist.down: k\n');
		const {notices} = await startupKeymap({env: {XDG_CONFIG_HOME: file}, home: root});
		const texts = notices.map(notice => notice.text);
		expect(texts[0]).toMatch(/^keymap: .*keys\.yaml:1:\d+: policy\.toggleMode: "ctrl\+shift\+m" is not a key name; the default keys stay$/);
		expect(texts[1]).toMatch(/^keymap: .*keys\.yaml:2:1: unknown command "filter\.type"/);
		expect(texts[2]).toBe('keymap: k is bound to both list.down and list.up (Policy list); list.down gets it');
		expect(notices.every(notice => notice.level === 'warn')).toBe(true);
	});

	test('no file is no problem', async () => {
		const {notices} = await startupKeymap({env: {XDG_CONFIG_HOME: path.join(root, 'nowhere')}, home: root});
		expect(notices).toEqual([]);
	});

	test('key names are what the app can tell apart', () => {
		for (const key of ['j', 'G', '?', 'enter', 'shift+tab', 'ctrl+d', 'meta+x', 'space']) expect(isKeyName(key), key).toBe(true);
		for (const key of ['', 'ctrl+shift+m', 'jj', 'text', 'f13', ' ']) expect(isKeyName(key), key).toBe(false);
		expect(clashes([])).toEqual([]);
	});

	test('the app, the help and the hint bar follow the user keys, and the keymap problems are in the flash', async () => {
		const {bindings} = await startupKeymap({env: {XDG_CONFIG_HOME: configHome('policy.toggleMode: M\n')}, home: root});
		app = await openApiApp({policies: ['alpha'], bindings, columns: 120, rows: 60, notice: {level: 'warn', text: 'keymap: keys.yaml:3:1: unknown command "x"'}});
		expect(app.frame()).toContain('! keymap: keys.yaml:3:1: unknown command "x"');
		expect(app.frame().split('\n').at(-1)).toContain('M mode');
		await app.press('m');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha +Auditing/);
		await app.press('M');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ \* alpha +Enforcing/);
		await app.press('?');
		expect(app.frame()).toMatch(/ M +Toggle audit and enforce/);
	});
});
