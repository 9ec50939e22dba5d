import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createApiClient} from '../../../source/api/client.js';
import type {PolicyDocument} from '../../../source/api/policy-records.js';
import {entriesOf, entryJson, type LogEntry} from '../../../source/tui/logs/entry.js';
import {followInThread, type TailHandlers} from '../../../source/tui/logs/tail-thread.js';
import {samplePolicy, startTestServer, type TestServer} from '../../helpers/server.js';

let server: TestServer;
let uid: string;

beforeAll(async () => {
	server = await startTestServer();
	uid = await server.client.createPolicy(samplePolicy('web') as PolicyDocument);
});
afterAll(async () => server.close());

/** What a follow reported, and a way to wait for it. */
function recorder() {
	const events: LogEntry[] = [];
	const readEvents: LogEntry[][] = [];
	let reads = 0;
	const retries: string[] = [];
	const stopped: string[] = [];
	const waiters: Array<() => void> = [];
	const changed = () => waiters.splice(0).forEach(wake => wake());
	const handlers: TailHandlers = {
		onRead: batch => {
			const arrived = entriesOf(batch, events.length);
			readEvents.push(arrived);
			events.push(...arrived);
			reads++;
			changed();
		},
		onRetry: (_failures, message) => {
			retries.push(message);
			changed();
		},
		onStopped: message => {
			stopped.push(message);
			changed();
		},
	};
	const until = async (done: () => boolean) => {
		while (!done()) await new Promise<void>(resolve => waiters.push(resolve));
	};
	return {events, readEvents, retries, stopped, handlers, until, reads: () => reads};
}

const logAt = (id: string, message: string) => server.records.insertEvent({schema: 'event_log:guardian_flag:1.0.0', id, time: Date.now() / 1000, policy_uid: uid, policy_name: 'web', severity: 'critical', message});

describe('the log tail\'s thread', () => {
	test('follows a policy\'s logs and hands over each new event once, with the read that found it, as the few strings a line shows', async () => {
		logAt('log:thread-1', 'first');
		const seen = recorder();
		const stop = followInThread(server.client.connection(), {policyUid: uid, startTime: Date.now() / 1000 - 60, pollMs: 20}, seen.handlers);
		try {
			await seen.until(() => seen.events.length === 1);
			// The window's first read is done only with its events: the panel never shows it empty first.
			expect(seen.readEvents[0]).toHaveLength(1);
			expect(seen.events[0]).toMatchObject({policyUid: uid, policyName: 'web', kind: 'flag', severity: 'critical', message: 'first'});
			expect(JSON.parse(entryJson(seen.events[0]!))).toMatchObject({id: 'log:thread-1', message: 'first'});
			logAt('log:thread-2', 'second');
			await seen.until(() => seen.events.length === 2);
			const readsThen = seen.reads();
			await seen.until(() => seen.reads() > readsThen + 3);
			expect(seen.events.map(event => event.message)).toEqual(['first', 'second']);
		} finally {
			stop();
		}
	});

	test.runIf(process.platform === 'linux')('its thread runs behind the one that answers keys (nice 10)', async () => {
		const seen = recorder();
		const stop = followInThread(server.client.connection(), {policyUid: uid, startTime: Date.now() / 1000, pollMs: 20}, seen.handlers);
		try {
			await seen.until(() => seen.reads() > 0);
			const niceness = fs.readdirSync('/proc/self/task').map(thread => {
				const stat = fs.readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
				// Field 19, counted after the command name, which may hold spaces.
				return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
			});
			expect(niceness).toContain(10);
			expect(niceness).toContain(0);
		} finally {
			stop();
		}
	});

	test('a stopped follow hears nothing more, while another goes on', async () => {
		const stopped = recorder();
		const stop = followInThread(server.client.connection(), {policyUid: uid, startTime: Date.now() / 1000, pollMs: 20}, stopped.handlers);
		await stopped.until(() => stopped.reads() > 0);
		stop();
		const readsAtStop = stopped.reads();
		const eventsAtStop = stopped.events.length;
		const other = recorder();
		const stopOther = followInThread(server.client.connection(), {policyUid: uid, startTime: Date.now() / 1000, pollMs: 20}, other.handlers);
		try {
			logAt('log:thread-3', 'after the stop');
			await other.until(() => other.events.some(event => event.message === 'after the stop'));
			expect(stopped.reads()).toBe(readsAtStop);
			expect(stopped.events).toHaveLength(eventsAtStop);
			expect(stopped.events.map(event => event.message)).not.toContain('after the stop');
		} finally {
			stopOther();
		}
	});

	test('a failure that waiting will not fix stops the follow with the API\'s words, never the key', async () => {
		const key = 'not-the-key-0123456789';
		const wrong = createApiClient({apiUrl: server.url, apiKey: key, organization: server.org.uid}, {retries: 0});
		const seen = recorder();
		followInThread(wrong.connection(), {startTime: Date.now() / 1000, pollMs: 20}, seen.handlers);
		await seen.until(() => seen.stopped.length === 1);
		expect(seen.stopped[0]).toMatch(/401.*check the API key/);
		expect(seen.stopped[0]).not.toContain(key);
	});

	test('while the API is away it reports each retry, and carries on when it is back', async () => {
		const away = await startTestServer();
		const client = createApiClient({apiUrl: away.url, apiKey: away.token, organization: away.org.uid}, {retries: 0});
		await client.org();
		const port = Number(new URL(away.url).port);
		await away.close();
		const seen = recorder();
		const stop = followInThread(client.connection(), {startTime: Date.now() / 1000, pollMs: 20}, seen.handlers);
		try {
			await seen.until(() => seen.retries.length >= 2);
			expect(seen.retries[0]).toMatch(/searching event_log failed: connection refused/);
			const back = await startTestServer({port, dataDir: away.dataDir});
			try {
				await seen.until(() => seen.reads() > 0);
				expect(seen.stopped).toEqual([]);
			} finally {
				await back.close();
			}
		} finally {
			stop();
		}
	});
});
