import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {loadUserKeymap, userKeymapPath} from '../../source/operations/user-keymap.js';
import {tempDir} from '../helpers/temp.js';

const commands = ['app.quit', 'app.help', 'list.down', 'list.up', 'list.pageDown', 'policy.toggleMode'];
const namedKeys = new Set(['up', 'down', 'pageup', 'pagedown', 'enter', 'esc', 'space', 'tab']);
/** Key names as the TUI writes them: one character, a named key, or ctrl+letter. */
const isValidKey = (key: string) => [...key].length === 1 || namedKeys.has(key) || /^ctrl\+[a-z]$/.test(key);

// One temporary folder for the file, with a folder per test inside.
const root = tempDir();
const freshFolder = () => fs.mkdtempSync(path.join(root, 'config-'));

function keymapFile(text: string): string {
	const file = path.join(freshFolder(), 'keys.yaml');
	fs.writeFileSync(file, text);
	return file;
}

describe('userKeymapPath', () => {
	test('lives in XDG_CONFIG_HOME when it is set, else in ~/.config', () => {
		expect(userKeymapPath({XDG_CONFIG_HOME: '/cfg'}, '/home/ann')).toBe(path.join('/cfg', 'spytui', 'keys.yaml'));
		expect(userKeymapPath({}, '/home/ann')).toBe(path.join('/home/ann', '.config', 'spytui', 'keys.yaml'));
		expect(userKeymapPath({XDG_CONFIG_HOME: ''}, '/home/ann')).toBe(path.join('/home/ann', '.config', 'spytui', 'keys.yaml'));
	});
});

describe('loadUserKeymap', () => {
	test('reads one key or a list of keys per command; [] unbinds a command', async () => {
		const file = keymapFile(['# my keys', 'list.down: [n, down]', 'list.up: p', "app.help: '?'", 'list.pageDown: []', 'policy.toggleMode: [ctrl+t, M, M]', ''].join('\n'));
		expect(await loadUserKeymap(file, commands, isValidKey)).toEqual({
			overrides: {'list.down': ['n', 'down'], 'list.up': ['p'], 'app.help': ['?'], 'list.pageDown': [], 'policy.toggleMode': ['ctrl+t', 'M']},
			problems: [],
		});
	});

	test('a missing file, or one with only comments, changes nothing and is no problem', async () => {
		expect(await loadUserKeymap(path.join(freshFolder(), 'keys.yaml'), commands, isValidKey)).toEqual({overrides: {}, problems: []});
		expect(await loadUserKeymap(keymapFile('# nothing yet\n\n'), commands, isValidKey)).toEqual({overrides: {}, problems: []});
	});

	test('an unknown command is reported at its key, with the closest command, and the other entries still apply', async () => {
		const file = keymapFile('list.up: p\nlist.dwn: n\nquit: x\n');
		const {overrides, problems} = await loadUserKeymap(file, commands, isValidKey);
		expect(overrides).toEqual({'list.up': ['p']});
		expect(problems).toEqual([`${file}:2:1: unknown command "list.dwn" (did you mean "list.down"?)`, `${file}:3:1: unknown command "quit"`]);
	});

	test('an invalid key name is reported at the key, and that command keeps its defaults', async () => {
		const file = keymapFile('list.up: p\nlist.down: [n, dwn]\napp.quit: ctrl+shift+q\n');
		const {overrides, problems} = await loadUserKeymap(file, commands, isValidKey);
		expect(overrides).toEqual({'list.up': ['p']});
		expect(problems).toEqual([
			`${file}:2:16: list.down: "dwn" is not a key name; the default keys stay`,
			`${file}:3:11: app.quit: "ctrl+shift+q" is not a key name; the default keys stay`,
		]);
	});

	test('values that are not key names are reported where they are', async () => {
		const file = keymapFile(['list.up: 1', 'list.down: [n, true]', 'app.quit:', 'app.help: {key: h}', 'list.pageDown: [[f]]', ''].join('\n'));
		const {overrides, problems} = await loadUserKeymap(file, commands, isValidKey);
		expect(overrides).toEqual({});
		expect(problems).toEqual([
			`${file}:1:10: list.up: expected a key name or a list of them, found the number 1 (quote it: '1'); the default keys stay`,
			`${file}:2:16: list.down: expected a key name, found the boolean true (quote it: 'true'); the default keys stay`,
			`${file}:3:10: app.quit: expected a key name or a list of them, found nothing (write [] to unbind the command); the default keys stay`,
			`${file}:4:11: app.help: expected a key name or a list of them, found an object; the default keys stay`,
			`${file}:5:17: list.pageDown: expected a key name, found a list; the default keys stay`,
		]);
	});

	test('a YAML syntax error is reported with its line and column, and nothing applies', async () => {
		const file = keymapFile('list.up: p\nlist.down: [n, down\n');
		const {overrides, problems} = await loadUserKeymap(file, commands, isValidKey);
		expect(overrides).toEqual({});
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toMatch(new RegExp(`^${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid YAML or JSON: `));
	});

	test('a command given twice is reported where it repeats', async () => {
		const file = keymapFile('list.up: p\nlist.up: k\n');
		const {overrides, problems} = await loadUserKeymap(file, commands, isValidKey);
		expect(overrides).toEqual({});
		expect(problems[0]).toMatch(/keys\.yaml:2:\d+: not valid YAML or JSON: .*(unique|duplicate)/i);
	});

	test('a file that is not one mapping says what is expected', async () => {
		const list = keymapFile('- list.up: p\n- list.down: n\n');
		expect((await loadUserKeymap(list, commands, isValidKey)).problems).toEqual([`${list}:1:1: expected one mapping of command ids to keys, such as \`list.down: [j, down]\``]);
		const scalar = keymapFile('# keys\njust text\n');
		expect((await loadUserKeymap(scalar, commands, isValidKey)).problems).toEqual([`${scalar}:2:1: expected one mapping of command ids to keys, such as \`list.down: [j, down]\``]);
	});

	test('a keymap path that cannot be read is a problem, not a crash', async () => {
		const folder = freshFolder();
		const {overrides, problems} = await loadUserKeymap(folder, commands, isValidKey);
		expect(overrides).toEqual({});
		expect(problems).toEqual([expect.stringMatching(new RegExp(`^${folder}: cannot read the keymap: .*EISDIR`))]);
	});
});
