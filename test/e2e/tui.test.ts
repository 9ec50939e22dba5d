// Drives the built app (node bin/spytui.js) in a real terminal: tmux at 80x24.
// `npm test` builds first; run `npm run build` before running this file alone.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {makePolicyFolder} from '../tui/policy-folder.js';

const repository = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repository, 'bin', 'spytui.js');
// A private tmux server, so the test neither sees nor disturbs the user's sessions.
const socket = `spytui-e2e-${process.pid}`;
const session = 'e2e';

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

function screen(): string {
	return tmux('capture-pane', '-p', '-t', session);
}

/** Polls the pane until `predicate` holds, failing with the last screen after `timeoutMs`. */
async function waitForScreen(predicate: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = screen();
		if (predicate(text)) return text;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}
}

/** One key per send-keys call, as a person types them. */
function press(key: string): void {
	tmux('send-keys', '-t', session, key);
}

/** The detail panel's title line, which names the selected policy. */
function detailTitle(text: string): string {
	const lines = text.split('\n');
	return lines[lines.findIndex(line => line.startsWith('╰')) + 1] ?? '';
}

describe('spytui in a real terminal', () => {
	beforeAll(() => {
		if (spawnSync('tmux', ['-V']).status !== 0) {
			throw new Error('tmux is not installed: install it (for example `apt-get install -y tmux`) to run the end-to-end test; CI installs it.');
		}
		if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) {
			throw new Error('bundle/cli.mjs is missing: run `npm run build` first (npm test does).');
		}
		const folder = makePolicyFolder();
		// Ink renders nothing until exit when it thinks it runs in CI, and CI sets CI=true: clear it for the app.
		const command = `env -u CI -u CONTINUOUS_INTEGRATION node '${bin}' --dir '${folder}'; echo "spytui exited with $?"; sleep 60`;
		tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
	});

	afterAll(() => {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	});

	test('browse, filter, help and quit at 80x24', async () => {
		let text = await waitForScreen(current => current.includes('web-frontend'), 'the policy list');
		expect(text).toMatch(/^spytui {2}offline files: \S+ {2}🔒 read-only {2}8 policies {2}2 invalid files/);
		expect(text.split('\n').every(line => [...line].length <= 80)).toBe(true);
		expect(detailTitle(text)).toContain('broken.yaml');

		press('G');
		text = await waitForScreen(current => detailTitle(current).includes('postgresql-16'), 'the last policy to be selected');
		expect(text).toContain('9/9');

		press('/');
		for (const key of 'pay') press(key);
		text = await waitForScreen(current => /\/pay +1 of 9/.test(current), 'the filter to narrow the list');
		expect(detailTitle(text)).toContain('payments-api');

		press('Enter');
		press('Enter');
		await waitForScreen(current => current.includes('esc back'), 'the detail pane to take focus');
		press('Space');
		await waitForScreen(current => current.includes('▸ metadata'), 'metadata to fold');

		press('?');
		await waitForScreen(current => current.includes('Quit spytui'), 'the help overlay');
		press('Escape');
		await waitForScreen(current => !current.includes('Quit spytui') && current.includes('NAME'), 'the help overlay to close');

		press('q');
		text = await waitForScreen(current => current.includes('spytui exited with'), 'spytui to exit');
		expect(text).toContain('spytui exited with 0');
		// The alternate screen is gone: the app's frame is no longer on the terminal.
		expect(text).not.toContain('NAME');
	});
});
