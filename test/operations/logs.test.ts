import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import type {PolicyLogEvent} from '../../source/api/search-records.js';
import {decodeIterator, encodeIterator, eventsAfter, followLogs, IteratorError, lastEvents, readLogBatch} from '../../source/operations/logs.js';
import {startServer} from '../../source/server/start.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';

const now = 1_800_000_000;

function event(id: string, time: number): PolicyLogEvent {
	return {id, time, message: id};
}

describe('iterators', () => {
	test('are spyctl\'s: base64url without padding of "<time - 60>|<id>", Python float and all', () => {
		// Expected values computed with spyctl's own encode_audit_iterator (Python).
		expect(encodeIterator({time: 1_700_000_000.5, id: 'log:abc'})).toBe('MTY5OTk5OTk0MC41fGxvZzphYmM');
		expect(encodeIterator({time: 1_700_000_000, id: 'log:x?y>'})).toBe('MTY5OTk5OTk0MC4wfGxvZzp4P3k-');
	});

	test('decode back to the start time and the last id, with or without padding', () => {
		expect(decodeIterator('MTY5OTk5OTk0MC41fGxvZzphYmM')).toEqual({startTime: 1_699_999_940.5, lastId: 'log:abc'});
		expect(decodeIterator('MTY5OTk5OTk0MC41fGxvZzphYmM=')).toEqual({startTime: 1_699_999_940.5, lastId: 'log:abc'});
		expect(decodeIterator(encodeIterator({time: 1_700_000_000.123, id: 'log:z'}))).toEqual({startTime: 1_699_999_940.123, lastId: 'log:z'});
	});

	test.each(['', 'not base64!', Buffer.from('no bar here').toString('base64url'), Buffer.from('soon|log:a').toString('base64url'), Buffer.from('1|a|b').toString('base64url'), Buffer.from('12|').toString('base64url')])(
		'a mangled iterator %j is refused',
		text => {
			expect(() => decodeIterator(text)).toThrow(IteratorError);
		},
	);
});

describe('resuming', () => {
	const events = [event('log:a', 100), event('log:b', 110), event('log:c', 110), event('log:d', 130)];

	test('drops the events up to and including the named one', () => {
		expect(eventsAfter(events, {startTime: 50, lastId: 'log:b'}).map(e => e.id)).toEqual(['log:c', 'log:d']);
		expect(eventsAfter(events, {startTime: 70, lastId: 'log:d'})).toEqual([]);
	});

	test('when the named event is gone, drops what came before it in (time, id) order', () => {
		// log:bb sat between log:b and log:c at time 110 and has since aged out.
		expect(eventsAfter(events, {startTime: 50, lastId: 'log:bb'}).map(e => e.id)).toEqual(['log:c', 'log:d']);
	});

	test('--tail keeps the newest N; negative keeps all, zero none', () => {
		expect(lastEvents(events, 2).map(e => e.id)).toEqual(['log:c', 'log:d']);
		expect(lastEvents(events, -1)).toHaveLength(4);
		expect(lastEvents(events, 0)).toEqual([]);
	});
});

describe('against the embedded server', () => {
	let server: TestServer;
	let policyUid: string;
	beforeAll(async () => {
		server = await startTestServer({clock: () => now});
		policyUid = await server.client.createPolicy(samplePolicy('logged'));
	});
	afterAll(async () => {
		await server.close();
	});

	function insert(id: string, time: number, uid = policyUid): void {
		server.records.insertEvent({schema: 'event_log:guardian_deviation', id, time, policy_uid: uid, message: `message ${id}`});
	}

	test('a batch is oldest first, holds only this policy, and its iterator resumes after the newest event', async () => {
		insert('log:r2', now - 500);
		insert('log:r1', now - 600);
		insert('log:other', now - 550, 'pol:someoneElse0000000');
		const first = await readLogBatch(server.client, policyUid, {startTime: now - 700, endTime: now});
		expect(first.events.map(e => e.message)).toEqual(['message log:r1', 'message log:r2']);
		expect(decodeIterator(first.iterator!)).toEqual({startTime: now - 560, lastId: 'log:r2'});

		insert('log:r3', now - 400);
		const next = await readLogBatch(server.client, policyUid, {startTime: now - 700, endTime: now}, {since: first.iterator});
		expect(next.events.map(e => e.id)).toEqual(['log:r3']);
		// Nothing new: the iterator stays where it was, so the next run still resumes there.
		const idle = await readLogBatch(server.client, policyUid, {startTime: now - 700, endTime: now}, {since: next.iterator});
		expect(idle.events).toEqual([]);
		expect(idle.iterator).toBe(next.iterator);
	});

	test('the iterator after --tail still points past every event read, hidden ones included', async () => {
		const batch = await readLogBatch(server.client, policyUid, {startTime: now - 700, endTime: now}, {tail: 0});
		expect(batch.events).toEqual([]);
		expect(decodeIterator(batch.iterator!).lastId).toBe('log:r3');
	});
});

describe('following', () => {
	test('polls from the last iterator: each event once, --tail on the first read only, late arrivals within a minute included', async () => {
		let clock = now;
		const server = await startTestServer({clock: () => clock});
		const uid = await server.client.createPolicy(samplePolicy('followed'));
		const insert = (id: string, time: number) => server.records.insertEvent({schema: 'event_log:guardian_action', id, time, policy_uid: uid, message: id});
		insert('log:1', now - 30);
		insert('log:2', now - 20);
		insert('log:3', now - 10);
		const controller = new AbortController();
		const seen: string[][] = [];
		// Each sleep is one poll interval: the test scripts what happens between polls.
		const script = [
			() => insert('log:4', now + 1),
			// Stored late: its time is before log:4's, but within the minute of overlap.
			() => insert('log:late', now - 5),
			() => undefined,
			() => controller.abort(),
		];
		try {
			const last = await followLogs(server.client, {
				policyUid: uid,
				startTime: now - 3600,
				tail: 1,
				pollMs: 2500,
				signal: controller.signal,
				now: () => clock,
				sleep: async ms => {
					expect(ms).toBe(2500);
					clock += 2.5;
					script.shift()?.();
				},
				onEvents: events => seen.push(events.map(e => e.id)),
				onRetry: error => {
					throw error;
				},
			});
			expect(seen).toEqual([['log:3'], ['log:4'], ['log:late']]);
			// The iterator names the newest event by time, so a restart does not show log:4 again.
			expect(decodeIterator(last!).lastId).toBe('log:4');
		} finally {
			await server.close();
		}
	});

	test('a dropped connection is reported once, retried every poll, and the stream resumes without a gap or a repeat', async () => {
		const first = await startTestServer();
		const port = Number(new URL(first.url).port);
		const uid = await first.client.createPolicy(samplePolicy('restarted'));
		const t = Date.now() / 1000;
		first.records.insertEvent({schema: 'event_log:guardian_flag', id: 'log:before', time: t - 10, policy_uid: uid, message: 'before'});
		const client = createApiClient({apiUrl: first.url, apiKey: first.token, organization: first.org.uid}, {retries: 0});
		let restarted: Awaited<ReturnType<typeof startServer>> | undefined;
		const controller = new AbortController();
		const seen: string[] = [];
		const retries: Array<{kind: string; failures: number}> = [];
		const script = [
			() => first.close(),
			() => undefined,
			async () => {
				restarted = await startServer({dataDir: first.dataDir, port});
				restarted.records.insertEvent({schema: 'event_log:guardian_flag', id: 'log:after', time: t - 5, policy_uid: uid, message: 'after'});
			},
			() => undefined,
			() => controller.abort(),
		];
		try {
			await followLogs(client, {
				policyUid: uid,
				startTime: t - 3600,
				pollMs: 10,
				signal: controller.signal,
				sleep: async () => {
					await script.shift()?.();
				},
				onEvents: events => seen.push(...events.map(e => e.id)),
				onRetry: (error, failures) => retries.push({kind: error.kind, failures}),
			});
		} finally {
			await restarted?.close();
			await first.close();
		}
		expect(seen).toEqual(['log:before', 'log:after']);
		expect(retries).toEqual([
			{kind: 'network', failures: 1},
			{kind: 'network', failures: 2},
		]);
	});

	test('an abort while a read hangs ends the loop at once, keeping the iterator it started with', async () => {
		const server = await startTestServer();
		const controller = new AbortController();
		// The search request never gets an answer; the abort comes while it waits, as Ctrl-C would.
		const proxy = await startFaultProxy(server.url, request => {
			if (request.method !== 'POST') return 'pass';
			controller.abort();
			return 'hang';
		});
		try {
			const uid = await server.client.createPolicy(samplePolicy('stopped'));
			const client = createApiClient({apiUrl: proxy.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
			const since = encodeIterator({time: 100, id: 'log:x'});
			const last = await followLogs(client, {policyUid: uid, startTime: 0, since, pollMs: 1, signal: controller.signal, onEvents: () => undefined, onRetry: () => undefined});
			expect(last).toBe(since);
		} finally {
			await proxy.close();
			await server.close();
		}
	});

	test('failures that waiting will not fix (a wrong key) end the loop', async () => {
		const server = await startTestServer();
		try {
			const uid = await server.client.createPolicy(samplePolicy('refused'));
			const wrongKey = createApiClient({apiUrl: server.url, apiKey: 'spytui_not-the-key-at-all', organization: server.org.uid}, {retries: 0});
			const retries: unknown[] = [];
			const running = followLogs(wrongKey, {policyUid: uid, startTime: 0, pollMs: 1, signal: new AbortController().signal, onEvents: () => undefined, onRetry: error => retries.push(error)});
			await expect(running).rejects.toMatchObject({kind: 'auth'});
			expect(retries).toEqual([]);
		} finally {
			await server.close();
		}
	});
});
