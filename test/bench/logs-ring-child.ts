// Runs in its own process (see logs.bench.ts), so that its memory is the panel's alone.
// Feeds the logs panel a million events straight through the app's reducer, in the
// batches the tail hands over, laying out the visible rows after each as a frame would.
// Usage: node --expose-gc --import tsx test/bench/logs-ring-child.ts
import type {PolicyLogEvent} from '../../source/api/search-records.js';
import {tailBatchOf} from '../../source/tui/logs/entry.js';
import {logsGeometry} from '../../source/tui/logs/layout.js';
import {panelView} from '../../source/tui/logs/panel-view.js';
import {openedLogs} from '../../source/tui/logs/state.js';
import {initialState, reducer, type State} from '../../source/tui/store.js';

export type RingMeasurement = {rssAt100k: number; rssAt1M: number; kept: number; dropped: number};

const batchSize = 1000;
const policies = 50;

/** An event as ingestion writes one: a red flag of one of 50 enforcing policies, every string its own. */
function event(index: number): PolicyLogEvent {
	const policy = index % policies;
	return {
		id: `log:org${String(index).padStart(20, '0')}:flag:${index}`,
		schema: 'event_log:guardian_flag:1.0.0',
		time: 1_800_000_000 + index / 5000,
		policy_uid: `pol:bench${String(policy).padStart(15, '0')}`,
		policy_name: `app-${policy}`,
		policy_mode: 'enforce',
		policy_type: 'container',
		ref: `dev:org${String(index).padStart(20, '0')}`,
		checksum: (index * 2_654_435_761).toString(16).padStart(32, '0'),
		severity: 'high',
		message: `High red flag: Process "tool-${index}" using executable "/usr/local/bin/tool-${index}" deviated from policy "app-${policy}".`,
		action: 'makeRedFlag',
		action_source: 'default[0]',
		flag_type: 'redflag',
	};
}

function gcRss(): number {
	globalThis.gc?.();
	globalThis.gc?.();
	return process.memoryUsage().rss;
}

let state: State = initialState({columns: 160, rows: 48}, {origin: {kind: 'api', readOnly: false, draftsFolder: ''}, logs: openedLogs({kind: 'all'})});
let rssAt100k = 0;
for (let sent = 0; sent < 1_000_000; sent += batchSize) {
	const events = Array.from({length: batchSize}, (_, index) => event(sent + index));
	state = reducer(state, {type: 'logs', kind: 'read', request: state.logs!.request, batches: [tailBatchOf(events)], read: true});
	panelView(state.logs!, logsGeometry(state));
	if (sent + batchSize === 100_000) rssAt100k = gcRss();
}
const measurement: RingMeasurement = {rssAt100k, rssAt1M: gcRss(), kept: state.logs!.ring.length, dropped: state.logs!.ring.total - state.logs!.ring.length};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
