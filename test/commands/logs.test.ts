import {type ChildProcess, spawn} from 'node:child_process';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {decodeIterator} from '../../source/operations/logs.js';
import {startServer} from '../../source/server/start.js';
import {cli} from '../helpers/cli.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {createPolicy, homeWithContext, homeWithServerDown} from './api-context.js';

const repository = path.resolve(import.meta.dirname, '../..');

let server: TestServer;
let dirs: {home: string; cwd: string};
let uid: string;
const now = () => Date.now() / 1000;

function insert(id: string, time: number, message = `message ${id}`, policyUid = uid): void {
	server.records.insertEvent({schema: 'event_log:guardian_deviation', id, time, policy_uid: policyUid, message});
}

beforeAll(async () => {
	server = await startTestServer();
	dirs = homeWithContext(server);
	uid = await createPolicy(server, 'logs-web');
	await createPolicy(server, 'shared-name-a');
	await createPolicy(server, 'shared-name-b');
	const t = now();
	insert('log:old', t - 3 * 86_400, 'three days ago');
	insert('log:1', t - 300, 'Process "sh" using executable "/usr/bin/dash" deviated from policy "logs-web".');
	insert('log:2', t - 200, 'Audit mode: would kill process "sh"');
	insert('log:3', t - 100, 'third');
});
afterAll(async () => {
	await server.close();
});

describe('logs policy', () => {
	test('prints the messages of the last 24 hours oldest first, and the last iterator on stderr', async () => {
		const run = await cli(['logs', 'policy', 'logs-web'], dirs);
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(['Process "sh" using executable "/usr/bin/dash" deviated from policy "logs-web".', 'Audit mode: would kill process "sh"', 'third', ''].join('\n'));
		expect(run.stderr).toMatch(/^Last Log Iterator: [\w-]+\n$/);
		expect(decodeIterator(run.stderr.split(': ')[1]!.trim()).lastId).toBe('log:3');
	});

	test('--timestamps, -t, --tail', async () => {
		const run = await cli(['logs', 'policy', uid, '--timestamps', '-t', '4d', '--tail', '2'], dirs);
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ -- Audit mode: would kill process "sh"$/);
		expect(lines[1]).toMatch(/ -- third$/);
		const all = await cli(['logs', 'policy', uid, '-t', '4d'], dirs);
		expect(all.stdout.split('\n')[0]).toBe('three days ago');
	});

	test('--full prints each record as JSON on one line', async () => {
		const run = await cli(['logs', 'policy', uid, '--tail', '1', '--full'], dirs);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0]!)).toMatchObject({id: 'log:3', message: 'third', policy_uid: uid, schema: 'event_log:guardian_deviation'});
	});

	test('resumes from a printed iterator with no repeat and no gap, and keeps the iterator when nothing is new', async () => {
		const first = await cli(['logs', 'policy', uid], dirs);
		const iterator = /Last Log Iterator: (\S+)/.exec(first.stderr)![1]!;
		insert('log:4', now() - 50, 'fourth');
		const second = await cli(['logs', 'policy', uid, '--since-iterator', iterator], dirs);
		expect(second.stdout).toBe('fourth\n');
		const next = /Last Log Iterator: (\S+)/.exec(second.stderr)![1]!;
		const third = await cli(['logs', 'policy', uid, '--since-iterator', next], dirs);
		expect(third.stdout).toBe('');
		expect(third.stderr).toBe(`Last Log Iterator: ${next}\n`);
	});

	test('with no logs in the window the iterator is N/A', async () => {
		const run = await cli(['logs', 'policy', 'shared-name-a'], dirs);
		expect(run).toEqual({code: 0, stdout: '', stderr: 'Last Log Iterator: N/A\n'});
	});
});

describe('logs policy, bad inputs', () => {
	test('an unknown policy is one line, exit 1', async () => {
		const run = await cli(['logs', 'policy', 'pol:doesNotExist000000'], dirs);
		expect(run).toEqual({code: 1, stdout: '', stderr: "Error: No policies matching name_or_uid 'pol:doesNotExist000000'.\n"});
	});

	test('an ambiguous name lists the candidates, exit 1', async () => {
		const run = await cli(['logs', 'policy', 'shared-name'], dirs);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^Error: Policy name 'shared-name' is ambiguous, use the uid: shared-name-a \(pol:\w+\), shared-name-b \(pol:\w+\)\n$/);
	});

	test('a server that is down is one line, exit 1', async () => {
		const run = await cli(['logs', 'policy', 'web'], homeWithServerDown());
		expect(run.code).toBe(1);
		expect(run.stderr).toBe('Error: listing organizations failed: connection refused (127.0.0.1:1)\n');
	});

	test('a mangled iterator, a bad --tail and --end-time with --follow are usage errors', async () => {
		const iterator = await cli(['logs', 'policy', uid, '--since-iterator', 'bm90IGFuIGl0ZXJhdG9y'], dirs);
		expect(iterator.code).toBe(2);
		expect(iterator.stderr).toContain("Unable to parse iterator 'bm90IGFuIGl0ZXJhdG9y'");
		const tail = await cli(['logs', 'policy', uid, '--tail', 'ten'], dirs);
		expect(tail.code).toBe(2);
		expect(tail.stderr).toContain("option '--tail <n>' argument 'ten' is invalid. must be a whole number");
		const follow = await cli(['logs', 'policy', uid, '-f', '-e', '1h'], dirs);
		expect(follow).toEqual({code: 2, stdout: '', stderr: 'Error: --end-time cannot be used with --follow, which reads up to now until stopped\n'});
	});
});

/** spytui in a process of its own, so that Ctrl-C is a real SIGINT. Polls every 20 ms instead of 2.5 s. */
function spawnCli(args: string[], home: string, cwd: string) {
	const tsx = pathToFileURL(path.join(repository, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
	const child = spawn(process.execPath, ['--import', tsx, path.join(repository, 'cli.tsx'), ...args], {
		cwd,
		env: {PATH: process.env['PATH'], HOME: home, SPYTUI_LOGS_POLL_MS: '20'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output = {stdout: '', stderr: ''};
	child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
	return {child, output, waitFor: (stream: 'stdout' | 'stderr', text: string) => waitFor(child, output, stream, text), exited: exitOf(child)};
}

/** Resolves when `text` has appeared on the stream: output drives the test, not the clock. */
function waitFor(child: ChildProcess, output: {stdout: string; stderr: string}, stream: 'stdout' | 'stderr', text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const check = () => {
			if (!output[stream].includes(text)) return;
			child[stream]!.off('data', check);
			child.off('exit', gone);
			resolve();
		};
		const gone = () => reject(new Error(`spytui exited before printing ${JSON.stringify(text)}; stdout: ${output.stdout}; stderr: ${output.stderr}`));
		child[stream]!.on('data', check);
		child.once('exit', gone);
		check();
	});
}

function exitOf(child: ChildProcess): Promise<number | null> {
	return new Promise(resolve => {
		child.once('exit', code => resolve(code));
	});
}

// Starting spytui under tsx takes seconds on a busy machine; the waits themselves are driven by output.
const processTimeout = 60_000;

describe('logs policy -f', () => {
	test('prints new logs as they come, ends cleanly on Ctrl-C with its iterator, and a resumed run picks up exactly where it stopped', async () => {
		const followed = await createPolicy(server, 'followed-web');
		const t = now();
		insert('log:f1', t - 30, 'first', followed);
		const run = spawnCli(['logs', 'policy', followed, '-f', '--timestamps'], dirs.home, dirs.cwd);
		try {
			await run.waitFor('stdout', ' -- first\n');
			insert('log:f2', now(), 'second', followed);
			await run.waitFor('stdout', ' -- second\n');
			run.child.kill('SIGINT');
			expect(await run.exited).toBe(0);
		} finally {
			run.child.kill('SIGKILL');
		}
		expect(run.output.stdout.match(/first|second/g)).toEqual(['first', 'second']);
		const iterator = /Last Log Iterator: (\S+)/.exec(run.output.stderr)![1]!;
		expect(decodeIterator(iterator).lastId).toBe('log:f2');

		// Logged while nothing was following: the resumed run must show it, and nothing it showed before.
		insert('log:f3', now(), 'third', followed);
		const resumed = await cli(['logs', 'policy', followed, '--since-iterator', iterator], dirs);
		expect(resumed.stdout).toBe('third\n');
	}, processTimeout);

	test('a dropped connection gets a one-line notice, and the stream resumes when the API is back', async () => {
		const api = await startTestServer();
		const port = Number(new URL(api.url).port);
		const home = homeWithContext(api);
		const policyUid = await createPolicy(api, 'flaky');
		api.records.insertEvent({schema: 'event_log:guardian_flag', id: 'log:a', time: now() - 10, policy_uid: policyUid, message: 'before the drop'});
		const run = spawnCli(['logs', 'policy', policyUid, '-f'], home.home, home.cwd);
		let back: Awaited<ReturnType<typeof startServer>> | undefined;
		try {
			await run.waitFor('stdout', 'before the drop\n');
			await api.close();
			await run.waitFor('stderr', 'Lost the connection to the API');
			back = await startServer({dataDir: api.dataDir, port});
			back.records.insertEvent({schema: 'event_log:guardian_flag', id: 'log:b', time: now(), policy_uid: policyUid, message: 'after the drop'});
			await run.waitFor('stdout', 'after the drop\n');
			run.child.kill('SIGINT');
			expect(await run.exited).toBe(0);
		} finally {
			run.child.kill('SIGKILL');
			await back?.close();
			await api.close();
		}
		expect(run.output.stdout).toBe('before the drop\nafter the drop\n');
		const notices = run.output.stderr.split('\n').filter(line => line.startsWith('Lost the connection'));
		expect(notices).toEqual([expect.stringMatching(/^Lost the connection to the API \(searching event_log failed: connection refused \(127\.0\.0\.1:\d+\)\); retrying every 0\.02 s$/)]);
	}, processTimeout);
});
