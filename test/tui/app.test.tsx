import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {scanPolicyFolder} from '../../source/operations/local-folder.js';
import {App, type PolicySource} from '../../source/tui/app.js';
import {KEYS, renderTui, type TerminalSize} from '../helpers/ink.js';
import {tempDir} from '../helpers/temp.js';
import {makePolicyFolder} from './policy-folder.js';

function folderSource(folder: string): PolicySource {
	return {kind: 'folder', mode: 'offline files', location: path.basename(folder), load: async () => scanPolicyFolder(folder, '/'), saveDir};
}

// Tests only read it, so one folder serves them all; `s` writes elsewhere.
const folder = makePolicyFolder();
const saveDir = tempDir('spytui-saved-');

async function openApp(size: TerminalSize = {columns: 100, rows: 30}) {
	const ui = await renderTui(<App source={folderSource(folder)} />, size);
	await ui.waitForFrame(frame => frame.includes('web-frontend'));
	return ui;
}

/** The detail panel's title names the selected row, so it tells which row is selected. */
function detailTitle(frame: string): string {
	const lines = frame.split('\n');
	const listBottom = lines.findIndex(line => line.startsWith('╰'));
	return lines[listBottom + 1] ?? '';
}

describe('spytui over a folder of policy files', () => {
	test('shows the header with mode, lock and counts, and the policies in a table', async () => {
		const ui = await openApp();
		const frame = ui.frame();
		expect(frame).toMatch(/spytui {2}offline files: spytui-folder-\w+ {2}🔒 read-only {2}8 policies {2}2 invalid files/);
		expect(frame).toMatch(/NAME +STATUS +TYPE +MODE +FILE/);
		expect(frame).toMatch(/payments-api +Auditing +container +audit +payments-api\.yaml/);
		expect(frame).toMatch(/legacy-reporting-cron +Disabled +linux-service +enforce/);
		expect(frame).toMatch(/✗ \(unreadable file\) +Invalid/);
		await ui.unmount();
	});

	test('the first frame appears before the folder is read', async () => {
		const source: PolicySource = {kind: 'folder', mode: 'offline files', location: 'slow', load: async () => new Promise(() => {}), saveDir};
		const ui = await renderTui(<App source={source} />);
		expect(ui.frame()).toContain('reading the folder…');
		expect(ui.frame()).toContain('reading…');
		await ui.unmount();
	});

	test('a broken file shows its problems as file:line:col: message in the detail pane', async () => {
		const ui = await openApp();
		expect(detailTitle(ui.frame())).toContain('broken.yaml  cannot be listed');
		expect(ui.frame()).toMatch(/1 problem: nothing in this file is listed/);
		expect(ui.frame()).toMatch(/spytui-folder-\w+\/broken\.yaml:\d+:\d+: not valid YAML or JSON/);
		await ui.unmount();
	});

	test('an invalid policy shows every problem with its field path, above its spec', async () => {
		const ui = await openApp();
		await ui.press('j', 'j');
		expect(detailTitle(ui.frame())).toMatch(/half-done +Not Applied +invalid/);
		expect(ui.frame()).toMatch(/2 problems: spyctl would reject this policy/);
		expect(ui.frame()).toMatch(/half-done\.yml:9:\d+: spec\.mode: /);
		expect(ui.frame()).toContain('curl_0');
		await ui.unmount();
	});

	test('j, k, G, g and arrows move the selection', async () => {
		const ui = await openApp();
		await ui.press('G');
		expect(detailTitle(ui.frame())).toContain('postgresql-16');
		await ui.press('k', KEYS.up);
		expect(detailTitle(ui.frame())).toContain('bastion-sshd');
		await ui.press('g', KEYS.down, 'j');
		expect(detailTitle(ui.frame())).toContain('half-done');
		expect(ui.frame()).toContain('3/9');
		await ui.unmount();
	});

	test('several keys arriving in one chunk each count, as with key repeat or a paste', async () => {
		const ui = await openApp();
		await ui.press('jjj');
		expect(detailTitle(ui.frame())).toContain('payments-api');
		await ui.press('/pay');
		expect(ui.frame()).toMatch(/\/pay +1 of 9/);
		await ui.press('\r\rj');
		expect(ui.frame()).toContain('esc back');
		await ui.unmount();
	});

	test('typing a filter narrows the list; enter keeps it and esc clears it', async () => {
		const ui = await openApp();
		await ui.press('/', 'p', 'a', 'y');
		expect(ui.frame()).toMatch(/\/pay +1 of 9/);
		expect(ui.frame()).toContain('Policies 1 of 9');
		expect(detailTitle(ui.frame())).toContain('payments-api');
		expect(ui.frame()).not.toContain('web-frontend');
		await ui.press(KEYS.enter);
		expect(ui.frame()).toContain('(esc clears)');
		await ui.press(KEYS.escape);
		expect(ui.frame()).toContain('Policies 9');
		expect(ui.frame()).toContain('web-frontend');
		await ui.unmount();
	});

	test('an invalid regular expression is shown as an error, and the text is matched literally', async () => {
		const ui = await openApp();
		await ui.press('/', 'w', 'e', 'b', '[');
		expect(ui.frame()).toContain('invalid regex: Unterminated character class; matching it as plain text');
		expect(ui.frame()).toContain('no policy matches /web[/');
		await ui.press(KEYS.backspace);
		expect(ui.frame()).not.toContain('invalid regex');
		expect(detailTitle(ui.frame())).toContain('web-frontend');
		await ui.unmount();
	});

	test('the detail pane shows the spec as a tree that folds and unfolds', async () => {
		const ui = await openApp({columns: 200, rows: 50});
		await ui.press('/', ...'payments', KEYS.enter, KEYS.enter);
		const frame = ui.frame();
		expect(frame).toContain('containerSelector  image registry.example.com/payments/api:2.*');
		expect(frame).toContain('java  exe /opt/java/openjdk/bin/java  euser app  listens TCP/8080, TCP/9090  #java_0');
		expect(frame).toContain('▾ to dns api.stripe.com  ports TCP/443');
		expect(frame).toContain('process java  /opt/java/openjdk/bin/java  #java_0');
		expect(frame).toContain('makeRedFlag  severity medium');
		expect(frame).toContain('▾ agentKillProcess  enabled');
		expect(frame).toContain('namespaceSelector  matchLabels kubernetes.io/metadata.name=payments');
		expect(frame).toContain('urlDestination https://hooks.slack.com/…');
		expect(frame).not.toContain('XXXXXXXX');

		// The cursor starts on metadata; fold it, then unfold with the right arrow.
		expect(frame).toContain('▾ metadata');
		await ui.press(KEYS.space);
		expect(ui.frame()).toContain('▸ metadata');
		expect(ui.frame()).not.toContain('uid pol:Pm7xQ2sV9nL4kJd8RtE0');
		await ui.press(KEYS.right);
		expect(ui.frame()).toContain('uid pol:Pm7xQ2sV9nL4kJd8RtE0');
		await ui.press('-');
		expect(ui.frame()).toContain('▸ processPolicy');
		expect(ui.frame()).not.toContain('java  exe');
		await ui.press('+');
		expect(ui.frame()).toContain('java  exe');
		await ui.unmount();
	});

	test('? opens a help overlay built from the keymap; esc closes it', async () => {
		const ui = await openApp({columns: 120, rows: 60});
		await ui.press('?');
		const frame = ui.frame();
		expect(frame).toContain('Keys');
		expect(frame).toMatch(/q, ctrl\+c +Quit spytui/);
		expect(frame).toMatch(/space +Fold or unfold the branch under the cursor/);
		expect(frame).toContain('Detail pane');
		expect(frame).not.toContain('STATUS');
		await ui.press(KEYS.escape);
		expect(ui.frame()).toContain('STATUS');
		await ui.unmount();
	});

	test('r reads the folder again and says so', async () => {
		const ui = await openApp();
		await ui.press('r');
		await ui.waitForFrame(frame => frame.includes('reloaded'));
		expect(ui.frame()).toContain('! reloaded: 8 policies, 2 invalid files; not listed: 1 SpyderbatRuleset');
		await ui.unmount();
	});

	test('keys that change something are refused: the folder view is read-only', async () => {
		const ui = await openApp();
		await ui.press('j', 'j', 'j', 'm');
		expect(ui.frame()).toContain('! m: the folder view is read-only: run spytui without --dir to change policies');
		await ui.press('D');
		expect(ui.frame()).toContain('! D: the folder view is read-only');
		await ui.unmount();
	});

	test('y shows a policy file as YAML, and s saves a copy next to it', async () => {
		const ui = await openApp({columns: 100, rows: 40});
		await ui.press('/', ...'web-front', KEYS.enter, 'y');
		expect(ui.frame()).toContain('web-frontend  YAML');
		expect(ui.frame()).toContain('kind: SpyderbatPolicy');
		await ui.press('q', 's');
		await ui.waitForFrame(frame => frame.includes('saved web-frontend to'));
		expect(fs.readFileSync(path.join(saveDir, 'web-frontend.yaml'), 'utf8')).toContain('name: web-frontend');
		await ui.unmount();
	});

	test('q quits', async () => {
		const ui = await openApp();
		expect(ui.isListening()).toBe(true);
		await ui.press('q');
		expect(ui.isListening()).toBe(false);
	});

	test('ctrl+c quits, even while typing a filter', async () => {
		const ui = await openApp();
		await ui.press('/', 'x', KEYS.ctrlC);
		expect(ui.isListening()).toBe(false);
	});

	test('a missing folder is a message, not a crash', async () => {
		const ui = await renderTui(<App source={{kind: 'folder', mode: 'offline files', location: 'nowhere', load: async () => scanPolicyFolder('nowhere', '/tmp'), saveDir}} />);
		await ui.waitForFrame(frame => frame.includes('folder not found'));
		expect(ui.frame()).toContain('folder not found: /tmp/nowhere. Start spytui with --dir DIR to browse another folder.');
		expect(ui.frame()).toContain('0 policies');
		await ui.unmount();
	});
});

describe('layout', () => {
	test('at 80x24 the frame fills the terminal but its last row, and no line is wider than 80', async () => {
		const ui = await openApp({columns: 80, rows: 24});
		const lines = ui.frame().split('\n');
		expect(lines).toHaveLength(23);
		expect(Math.max(...lines.map(line => [...line].length))).toBeLessThanOrEqual(80);
		// Stacked: the list panel is above the detail panel.
		expect(lines[1]).toMatch(/^╭─ Policies 9 ─+╮$/);
		expect(lines.at(-1)).toMatch(/j\/k move {2}enter details/);
		await ui.unmount();
	});

	test('wide terminals put the panels side by side, and a resize reflows the frame', async () => {
		const ui = await openApp({columns: 80, rows: 24});
		await ui.resize({columns: 200, rows: 50});
		let lines = ui.frame().split('\n');
		expect(lines).toHaveLength(49);
		expect(lines[1]).toMatch(/^╭─ Policies 9 ─+╮╭─ broken\.yaml {2}cannot be listed ─+╮$/);
		expect([...(lines[1] ?? '')].length).toBe(200);
		await ui.resize({columns: 90, rows: 30});
		lines = ui.frame().split('\n');
		expect(lines).toHaveLength(29);
		expect(lines[1]).toMatch(/^╭─ Policies 9 ─+╮$/);
		await ui.unmount();
	});
});
