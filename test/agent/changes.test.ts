import {describe, expect, test} from 'vitest';
import {changeTracker} from '../../source/agent/changes.js';
import {socketIndex} from '../../source/agent/connections.js';
import {buildFingerprint, type ObservedFingerprint} from '../../source/agent/fingerprint.js';
import {groupWorkloads} from '../../source/agent/workloads.js';
import {observed} from './workload-fixtures.js';

const host = {hostname: 'h', bootTime: 0};
const look = (processes: Parameters<typeof groupWorkloads>[0], now: number) =>
	new Map<string, ObservedFingerprint>(groupWorkloads(processes).map(workload => [workload.key, buildFingerprint(workload, socketIndex([]), host, now)]));
const keys = (changes: ReturnType<ReturnType<typeof changeTracker>['changed']>) => changes.map(change => change.key);

describe('only what changed is sent', () => {
	test('a workload is sent when first seen and when it does something new, not because time passed or a pid changed', () => {
		const tracker = changeTracker();
		const first = tracker.changed(look([observed(10, 1, 'cron'), observed(20, 1, 'redis')], 100));
		expect(keys(first)).toEqual(['tree:cron', 'tree:redis']);
		tracker.delivered(first);

		const job = tracker.changed(look([observed(10, 1, 'cron'), observed(11, 10, 'sh'), observed(20, 1, 'redis')], 101));
		expect(keys(job)).toEqual(['tree:cron']);
		tracker.delivered(job);
		// Later, and cron's job runs again as another pid of the same program: nothing new.
		expect(tracker.changed(look([observed(10, 1, 'cron'), observed(12, 10, 'sh', {startTicks: 5000}), observed(20, 1, 'redis')], 102))).toEqual([]);
	});

	test('a send that failed is tried again; a workload that ended and came back is news again', () => {
		const tracker = changeTracker();
		const seen = look([observed(10, 1, 'cron')], 100);
		expect(keys(tracker.changed(seen))).toEqual(['tree:cron']);
		expect(keys(tracker.changed(seen))).toEqual(['tree:cron']);
		tracker.delivered(tracker.changed(seen));
		expect(tracker.changed(seen)).toEqual([]);
		expect(tracker.changed(look([], 101))).toEqual([]);
		expect(keys(tracker.changed(seen))).toEqual(['tree:cron']);
	});
});
