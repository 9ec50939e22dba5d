import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {PolicyLogEvent} from '../../source/api/search-records.js';
import {followLogs, nextSeen} from '../../source/operations/logs.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';

const now = 1_800_000_000;

function event(id: string, time: number): PolicyLogEvent {
	return {id, time, message: id};
}

describe('what a read has seen', () => {
	test('a read that got everything re-checks the minute before its newest event, never before where it started', () => {
		const seen = nextSeen(undefined, [event('a', 100), event('b', 150), event('c', 200)], 90, false);
		expect(seen.from).toBe(140);
		expect([...seen.times.keys()]).toEqual(['b', 'c']);
		expect(nextSeen(undefined, [event('a', 100)], 90, false).from).toBe(90);
	});

	test('a read cut off at its limit goes on from its newest event, which ties there must not repeat', () => {
		const seen = nextSeen(undefined, [event('a', 100), event('b', 120), event('c', 120)], 90, true);
		expect(seen).toEqual({from: 120, times: new Map([['b', 120], ['c', 120]])});
	});

	test('an empty read stays where it started', () => {
		expect(nextSeen(undefined, [], 90, false)).toEqual({from: 90, times: new Map()});
	});

	test('at thousands of events a second, only the newest 500 are re-checked', () => {
		const events = Array.from({length: 3000}, (_, index) => event(`e${String(index).padStart(4, '0')}`, 1000 + index / 100));
		const seen = nextSeen(undefined, events, 1000, false);
		expect(seen.times.size).toBe(500);
		expect(seen.from).toBe(1025);
		expect(seen.times.has('e2500')).toBe(true);
		expect(seen.times.has('e2499')).toBe(false);
	});
});

describe('following a busy stream through the API', () => {
	let server: TestServer;
	let uid: string;
	let other: string;
	beforeAll(async () => {
		server = await startTestServer({clock: () => now});
		uid = await server.client.createPolicy(samplePolicy('busy'));
		other = await server.client.createPolicy(samplePolicy('other'));
	});
	afterAll(async () => {
		await server.close();
	});

	function insert(id: string, time: number, policyUid = uid): void {
		server.records.insertEvent({schema: 'event_log:guardian_deviation', id, time, policy_uid: policyUid, message: id});
	}

	async function follow(options: {policyUid?: string; tail?: number; readLimit: number; polls: Array<() => void>}) {
		const controller = new AbortController();
		const seen: string[] = [];
		const reads: number[] = [];
		let clock = now;
		const polls = [...options.polls, () => controller.abort()];
		await followLogs(server.client, {
			...(options.policyUid === undefined ? {} : {policyUid: options.policyUid}),
			startTime: now - 3600,
			...(options.tail === undefined ? {} : {tail: options.tail}),
			readLimit: options.readLimit,
			pollMs: 1000,
			signal: controller.signal,
			now: () => clock,
			sleep: async () => {
				clock += 1;
				polls.shift()?.();
			},
			onRead: () => reads.push(seen.length),
			onEvents: events => seen.push(...events.map(e => e.id)),
			onRetry: error => {
				throw error;
			},
		});
		return {seen, reads};
	}

	test('more events than a read takes are read in several reads at once, each shown once and in order', async () => {
		const ids = Array.from({length: 23}, (_, index) => `log:p${String(index).padStart(2, '0')}`);
		for (const [index, id] of ids.entries()) insert(id, now - 100 + index);
		const {seen} = await follow({policyUid: uid, readLimit: 5, polls: [() => insert('log:p99', now + 0.5)]});
		expect(seen).toEqual([...ids, 'log:p99']);
	});

	test('--tail keeps the newest of the whole first read, however many reads it takes', async () => {
		const {seen} = await follow({policyUid: uid, tail: 2, readLimit: 5, polls: []});
		expect(seen).toEqual(['log:p21', 'log:p22']);
	});

	test('without a policy, every policy\'s events are followed', async () => {
		insert('log:elsewhere', now - 50, other);
		const {seen} = await follow({readLimit: 10_000, polls: []});
		expect(seen).toContain('log:elsewhere');
		expect(seen).toContain('log:p00');
	});
});
