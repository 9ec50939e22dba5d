// Drives the built app (bin/spytui.js) in a real terminal: tmux, at 80x24 and 160x48.
// `npm test` builds first; run `npm run build` before running this file alone.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {tempDir} from '../helpers/temp.js';
import {makePolicyFolder} from '../tui/policy-folder.js';

const repository = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repository, 'bin', 'spytui.js');
// A private tmux server, so the test neither sees nor disturbs the user's sessions.
const socket = `spytui-e2e-${process.pid}`;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

function screen(session: string): string {
	return tmux('capture-pane', '-p', '-t', session);
}

/** Polls the pane until `predicate` holds, failing with the last screen after `timeoutMs`. */
async function waitForScreen(session: string, predicate: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = screen(session);
		if (predicate(text)) return text;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

/** One key per send-keys call, as a person types them. */
function press(session: string, ...keys: string[]): void {
	for (const key of keys) tmux('send-keys', '-t', session, key);
}

/** The detail panel's title line, which names the selected policy (stacked layout). */
function detailTitle(text: string): string {
	const lines = text.split('\n');
	return lines[lines.findIndex(line => line.startsWith('╰')) + 1] ?? '';
}

/** A pane running spytui with `args` and `env`, then saying how it exited and waiting, so the test can read the screen after. */
function startSession(session: string, size: {columns: number; rows: number}, args: string, env: Record<string, string> = {}): void {
	const assignments = Object.entries(env)
		.map(([name, value]) => `${name}='${value}'`)
		.join(' ');
	// Ink renders nothing until exit when it thinks it runs in CI, and CI sets CI=true: clear it for the app.
	const command = `env -u CI -u CONTINUOUS_INTEGRATION ${assignments} '${bin}' ${args}; echo "spytui exited with $?"; sleep 120`;
	tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), command);
}

/** tmux's view of the terminal the app left: back on the main screen, with a visible cursor. */
function terminalState(session: string): {alternate: string; cursor: string} {
	const [alternate = '', cursor = ''] = tmux('display-message', '-p', '-t', session, '#{alternate_on} #{cursor_flag}').trim().split(' ');
	return {alternate, cursor};
}

beforeAll(() => {
	if (spawnSync('tmux', ['-V']).status !== 0) {
		throw new Error('tmux is not installed: install it (for example `apt-get install -y tmux`) to run the end-to-end test; CI installs it.');
	}
	if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) {
		throw new Error('bundle/cli.mjs is missing: run `npm run build` first (npm test does).');
	}
});

afterAll(() => {
	spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe('spytui in a real terminal', () => {
	test('offline: browse a folder, filter, help and quit at 80x24', async () => {
		const session = 'folder';
		startSession(session, {columns: 80, rows: 24}, `--dir '${makePolicyFolder()}'`);
		let text = await waitForScreen(session, current => current.includes('web-frontend'), 'the policy list');
		expect(text).toMatch(/^spytui {2}offline files: \S+ {2}🔒 read-only {2}8 policies {2}2 invalid files/);
		expect(text.split('\n').every(line => [...line].length <= 80)).toBe(true);
		expect(detailTitle(text)).toContain('broken.yaml');

		press(session, 'G');
		text = await waitForScreen(session, current => detailTitle(current).includes('postgresql-16'), 'the last policy to be selected');
		expect(text).toContain('9/9');

		press(session, '/', 'p', 'a', 'y');
		text = await waitForScreen(session, current => /\/pay +1 of 9/.test(current), 'the filter to narrow the list');
		expect(detailTitle(text)).toContain('payments-api');

		press(session, 'Enter', 'Enter');
		await waitForScreen(session, current => current.includes('esc back'), 'the detail pane to take focus');
		press(session, 'Space');
		await waitForScreen(session, current => current.includes('▸ metadata'), 'metadata to fold');

		press(session, '?');
		await waitForScreen(session, current => current.includes('Quit spytui'), 'the help overlay');
		press(session, 'Escape');
		await waitForScreen(session, current => !current.includes('Quit spytui') && current.includes('STATUS'), 'the help overlay to close');

		press(session, 'q');
		text = await waitForScreen(session, current => current.includes('spytui exited with'), 'spytui to exit');
		expect(text).toContain('spytui exited with 0');
		// The alternate screen is gone: the app's frame is no longer on the terminal.
		expect(text).not.toContain('STATUS');
	});

	test('the API: toggle a mode, apply it, edit in the editor, resize to 160x48, quit; the server has the change', async () => {
		const session = 'api';
		// A home and data dir of its own: a fresh embedded server, seeded with the example policies.
		const home = tempDir('spytui-e2e-home-');
		const env = {HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), EDITOR: path.join(home, 'editor.sh')};
		// The "editor" turns the policy's audit mode back on in the file it is given.
		fs.writeFileSync(env.EDITOR, "#!/bin/sh\nsed -i 's/^  mode: enforce$/  mode: audit/' \"$1\"\n", {mode: 0o755});
		startSession(session, {columns: 80, rows: 24}, '', env);

		let text = await waitForScreen(session, current => current.includes('● ok') && current.includes('payments-api'), 'the API list', 30_000);
		expect(text.split('\n')[0]).toMatch(/^spytui {2}embedded {2}org spytui local {2}@local {2}● ok {2}7 policies/);
		expect(text.split('\n').every(line => [...line].length <= 80)).toBe(true);

		press(session, '/', ...'payments', 'Enter');
		await waitForScreen(session, current => detailTitle(current).includes('payments-api  Auditing'), 'payments-api to be selected');

		press(session, 'm');
		await waitForScreen(session, current => /│ \* payments-api +Enforcing/.test(current) && current.includes('~ spec.mode  audit → enforce'), 'the draft in the row and the detail pane');

		press(session, 'a');
		await waitForScreen(
			session,
			current => current.includes('[ Cancel ]  [ Apply ]') && current.includes('Plan: 0 to add, 1 to change, 0 to remove') && current.includes('~   mode: audit → enforce'),
			'the apply preview',
		);
		press(session, 'Tab', 'Enter');
		await waitForScreen(session, current => current.includes('Successfully updated policy pol:'), 'the apply to succeed');
		await waitForScreen(session, current => /│ {3}payments-api +Enforcing +container +enforce +2 /.test(current), 'the list to show version 2');

		// E hands the terminal to the editor and takes it back: the frame comes back whole.
		press(session, 'E');
		text = await waitForScreen(session, current => current.includes('edited in the editor') && /│ \* payments-api +Auditing/.test(current), 'the edit to become a draft');
		expect(text.split('\n')[0]).toMatch(/^spytui {2}embedded/);
		expect(text.split('\n').filter(line => line.startsWith('╭'))).toHaveLength(2);
		press(session, 'u');
		await waitForScreen(session, current => /│ {3}payments-api +Enforcing/.test(current), 'the undo');

		tmux('resize-window', '-t', session, '-x', '160', '-y', '48');
		text = await waitForScreen(session, current => /^╭─ Policies 1 of 7 .*╮╭─ payments-api {2}Enforcing/m.test(current), 'the side-by-side layout at 160x48');
		expect(text.split('\n').every(line => [...line].length <= 160)).toBe(true);
		expect(text.split('\n').length).toBeGreaterThanOrEqual(47);

		press(session, 'q');
		text = await waitForScreen(session, current => current.includes('spytui exited with'), 'spytui to exit', 20_000);
		expect(text).toContain('spytui exited with 0');
		expect(text).not.toContain('STATUS');
		expect(terminalState(session)).toEqual({alternate: '0', cursor: '1'});

		// Through the API, as another process sees it.
		const stored = execFileSync('node', [bin, 'get', 'policies', '-o', 'json', 'payments-api'], {env: {...process.env, ...env}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
		const policy = JSON.parse(stored) as {spec: {mode: string}; metadata: {version: number}};
		expect(policy.spec.mode).toBe('enforce');
		expect(policy.metadata.version).toBe(2);
	}, 90_000);
});
