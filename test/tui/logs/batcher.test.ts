import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {createBatcher} from '../../../source/tui/logs/batcher.js';
import {mergeReports} from '../../../source/tui/logs/tail-report.js';
import {tailBatchOf} from '../../../source/tui/logs/entry.js';
import {logEvent} from './events.js';

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('batching what the tail reports', () => {
	test('the first report after a quiet spell goes at once; later ones are gathered, at most one batch per interval', () => {
		const batches: number[][] = [];
		const batcher = createBatcher<number[]>({intervalMs: 33, merge: (pending, item) => [...(pending ?? []), ...item], flush: batch => batches.push(batch), now: () => Date.now()});
		batcher.add([1]);
		vi.advanceTimersByTime(0);
		expect(batches).toEqual([[1]]);
		for (let index = 2; index <= 100; index++) {
			batcher.add([index]);
			vi.advanceTimersByTime(1);
		}
		vi.advanceTimersByTime(33);
		// 100 reports over 100 ms become a handful of batches, none sooner than 33 ms after the one before.
		expect(batches.length).toBeLessThanOrEqual(5);
		expect(batches.flat()).toEqual(Array.from({length: 100}, (_, index) => index + 1));
	});

	test('closing drops what waits', () => {
		const batches: number[][] = [];
		const batcher = createBatcher<number[]>({intervalMs: 33, merge: (pending, item) => [...(pending ?? []), ...item], flush: batch => batches.push(batch)});
		batcher.add([1]);
		batcher.close();
		vi.advanceTimersByTime(100);
		expect(batches).toEqual([]);
	});
});

describe('merging reports', () => {
	test('events add up; a read that worked clears a failure before it, a failure after it stays', () => {
		const failure = {batches: [], read: false, retry: {failures: 2, message: 'refused'}};
		const read = {batches: [tailBatchOf([logEvent('log:1')])], read: true};
		expect(mergeReports(failure, read)).toEqual({batches: read.batches, read: true});
		expect(mergeReports(read, failure)).toEqual({batches: read.batches, read: true, retry: {failures: 2, message: 'refused'}});
		expect(mergeReports(undefined, failure)).toBe(failure);
	});
});
