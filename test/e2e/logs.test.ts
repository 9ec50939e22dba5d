// Tails a policy in the built app (bin/spytui.js tail NAME) in a real terminal, tmux at 100x30, while
// this process ingests deviating activity into the server it talks to, then restarts that server.
// `npm test` builds first; run `npm run build` before running this file alone.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {type RunningServer, startServer} from '../../source/server/start.js';
import {createPolicy, homeWithContext} from '../commands/api-context.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {containerFingerprint, nginx, sh} from '../server/ingest-fixtures.js';

const repository = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repository, 'bin', 'spytui.js');
// A private tmux server, so the test neither sees nor disturbs the user's sessions.
const socket = `spytui-e2e-logs-${process.pid}`;
const session = 'tail';
const escapeCode = '\u001B';

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

/** The screen as text, or with its colours (`capture-pane -e`). */
function screen(colours = false): string {
	return colours ? tmux('capture-pane', '-p', '-e', '-t', session) : tmux('capture-pane', '-p', '-t', session);
}

async function waitForScreen(predicate: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const text = screen();
		if (predicate(text)) return text;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
}

/** A deviation of the webserver_policy workload: a process the policy has never seen. */
function deviatingActivity(program: string) {
	return containerFingerprint([nginx([sh([], `/usr/bin/${program}`)])], {image: 'registry.example.com/webserver_policy:2.1', at: Date.now() / 1000, containerID: `c-${program}`});
}

let server: TestServer | RunningServer;

beforeAll(() => {
	if (spawnSync('tmux', ['-V']).status !== 0) {
		throw new Error('tmux is not installed: install it (for example `apt-get install -y tmux`) to run the end-to-end test; CI installs it.');
	}
	if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) {
		throw new Error('bundle/cli.mjs is missing: run `npm run build` first (npm test does).');
	}
});

afterAll(async () => {
	spawnSync('tmux', ['-L', socket, 'kill-server']);
	await server?.close();
});

describe('spytui tail in a real terminal', () => {
	test('an ingested deviation shows within 2 s, in colour, and once only after the server restarts', async () => {
		const first = await startTestServer();
		server = first;
		const port = Number(new URL(first.url).port);
		await createPolicy(first, 'webserver_policy');
		const {home, cwd} = homeWithContext(first);
		// Ink renders nothing until exit when it thinks it runs in CI, and CI sets CI=true: clear it for the app.
		const command = `cd '${cwd}' && env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR HOME='${home}' XDG_DATA_HOME='${home}/data' XDG_CONFIG_HOME='${home}/config' '${bin}' tail webserver_policy; echo "spytui exited with $?"; sleep 120`;
		tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);
		await waitForScreen(text => text.includes('No events for webserver_policy in the last 24h'), 'the empty tail', 30_000);

		const ingested = Date.now();
		await first.client.ingest([deviatingActivity('dash')]);
		let text = await waitForScreen(current => current.includes('Process "sh" using executable "/usr/bin/dash"'), 'the deviation', 5000);
		const shownAfter = Date.now() - ingested;
		expect(shownAfter).toBeLessThanOrEqual(2000);
		expect(text).toMatch(/\d\d:\d\d:\d\dZ webserver_policy deviation high {5}Process "sh" using executable "\/usr\/bin\/dash"/);
		// The severity in its colour: red.
		const line = screen(true)
			.split('\n')
			.find(candidate => candidate.includes('deviation'))!;
		expect(line).toMatch(new RegExp(`${escapeCode}\\[[\\d;]*31[\\d;]*m(${escapeCode}\\[[\\d;]*m)*high`));

		await first.close();
		await waitForScreen(current => /⟳ retry \d+: searching event_log failed: connection refused/.test(current), 'the retry counter');
		server = await startServer({dataDir: first.dataDir, port});
		await waitForScreen(current => !current.includes('⟳ retry'), 'the tail to resume');
		await first.client.ingest([deviatingActivity('curl')]);
		text = await waitForScreen(current => current.includes('"/usr/bin/curl"'), 'the deviation after the restart', 5000);
		const deviations = (program: string) => text.split('\n').filter(row => row.includes(`deviation high     Process "sh" using executable "/usr/bin/${program}"`));
		expect(deviations('dash')).toHaveLength(1);
		expect(deviations('curl')).toHaveLength(1);

		tmux('send-keys', '-t', session, 'q');
		await waitForScreen(current => current.includes('STATUS'), 'the policy list');
		tmux('send-keys', '-t', session, 'q');
		text = await waitForScreen(current => current.includes('spytui exited with'), 'spytui to exit');
		expect(text).toContain('spytui exited with 0');
	}, 90_000);
});
