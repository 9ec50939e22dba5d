import {describe, expect, it} from 'vitest';
import {type ResultSink, searchJobRegistry} from '../../source/server/search/jobs.js';

/** A runner the test finishes by hand, so that the RUNNING state can be observed. */
function manualRunner() {
	let finish: () => void = () => {};
	let sink: ResultSink | undefined;
	const run = (given: ResultSink) => {
		sink = given;
		return new Promise<void>(resolve => {
			finish = resolve;
		});
	};
	return {run, add: (text: string) => sink!.add(text), cancelled: () => sink!.cancelled, finish: () => finish()};
}

const settle = () => new Promise(resolve => setImmediate(resolve));

describe('search job registry', () => {
	it('a job is RUNNING until its runner settles, then COMPLETE with what it added', async () => {
		const jobs = searchJobRegistry();
		const runner = manualRunner();
		const job = jobs.start('org', ['full_json'], runner.run);
		expect(jobs.get('org', job.id)?.status).toBe('RUNNING');
		expect(runner.add('{"id":"a"}')).toBe(true);
		runner.finish();
		await settle();
		expect(jobs.get('org', job.id)).toMatchObject({status: 'COMPLETE', results: ['{"id":"a"}'], outputFields: ['full_json']});
	});

	it('a runner that throws fails its job with a message that reveals nothing', async () => {
		const jobs = searchJobRegistry();
		const job = jobs.start('org', undefined, async () => {
			throw new Error('SQLITE_CORRUPT: /secret/path');
		});
		await settle();
		expect(jobs.get('org', job.id)).toMatchObject({status: 'FAILED', failure: {status: 500, message: 'the search failed inside the server'}});
	});

	it("another org's job is not found", () => {
		const jobs = searchJobRegistry();
		const job = jobs.start('org', undefined, manualRunner().run);
		expect(jobs.get('other', job.id)).toBeUndefined();
		expect(jobs.get('org', 'no-such-job')).toBeUndefined();
	});

	it('a job unread for the time to live is dropped, and its runner told to stop; reading it keeps it', () => {
		let now = 0;
		const jobs = searchJobRegistry({ttlMs: 1000, now: () => now});
		const kept = manualRunner();
		const dropped = manualRunner();
		const keptJob = jobs.start('org', undefined, kept.run);
		const droppedJob = jobs.start('org', undefined, dropped.run);
		now = 900;
		expect(jobs.get('org', keptJob.id)).toBeDefined();
		now = 1500;
		expect(jobs.get('org', droppedJob.id)).toBeUndefined();
		expect(dropped.cancelled()).toBe(true);
		expect(dropped.add('x')).toBe(false);
		expect(jobs.get('org', keptJob.id)).toBeDefined();
		expect(kept.cancelled()).toBe(false);
	});

	it('the number of jobs is capped: the least recently read one goes first', () => {
		const jobs = searchJobRegistry({maxJobs: 2});
		const first = jobs.start('org', undefined, manualRunner().run);
		const second = jobs.start('org', undefined, manualRunner().run);
		jobs.get('org', first.id);
		const third = jobs.start('org', undefined, manualRunner().run);
		expect(jobs.get('org', second.id)).toBeUndefined();
		expect(jobs.get('org', first.id)).toBeDefined();
		expect(jobs.get('org', third.id)).toBeDefined();
	});

	it('results share one size budget: older jobs make room, and a job alone over it fails', async () => {
		const jobs = searchJobRegistry({maxSize: 10 * 1024 * 1024});
		const chunk = 'x'.repeat(4 * 1024 * 1024);
		const old = manualRunner();
		const oldJob = jobs.start('org', undefined, old.run);
		expect(old.add(chunk)).toBe(true);
		old.finish();
		await settle();

		const big = manualRunner();
		const bigJob = jobs.start('org', undefined, big.run);
		expect(big.add(chunk)).toBe(true);
		expect(big.add(chunk)).toBe(true);
		expect(jobs.get('org', oldJob.id)).toBeUndefined();
		expect(big.add(chunk)).toBe(false);
		big.finish();
		await settle();
		const failed = jobs.get('org', bigJob.id);
		expect(failed?.status).toBe('FAILED');
		expect(failed?.failure?.message).toMatch(/exceed the 10 MB .* narrow the query or the time window/);
		expect(failed?.results).toEqual([]);

		// The failed job gave its share back.
		const next = manualRunner();
		jobs.start('org', undefined, next.run);
		expect(next.add(chunk)).toBe(true);
		expect(next.add(chunk)).toBe(true);
	});

	it('close stops every runner', () => {
		const jobs = searchJobRegistry();
		const runner = manualRunner();
		const job = jobs.start('org', undefined, runner.run);
		jobs.close();
		expect(runner.cancelled()).toBe(true);
		expect(jobs.get('org', job.id)).toBeUndefined();
	});
});
