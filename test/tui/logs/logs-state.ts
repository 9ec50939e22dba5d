import type {PolicyLogEvent} from '../../../source/api/search-records.js';
import {pressOf} from '../../../source/tui/keys.js';
import {tailBatchOf} from '../../../source/tui/logs/entry.js';
import {openedLogs, type LogTarget} from '../../../source/tui/logs/state.js';
import {initialState, reducer, type State} from '../../../source/tui/store.js';
import {logEvent} from './events.js';

/** The app on the API with the logs panel open and its first read done, holding `events`. */
export function stateWithLogs(events: PolicyLogEvent[], options: {target?: LogTarget; size?: {columns: number; rows: number}; buffer?: number} = {}): State {
	const logs = openedLogs(options.target ?? {kind: 'policy', uid: 'pol:web00000000000000000', name: 'web'}, options.buffer);
	const state = initialState(options.size ?? {columns: 100, rows: 30}, {origin: {kind: 'api', readOnly: false, draftsFolder: ''}, logs});
	return arrive(state, events);
}

/** Events from the tail of the open panel. */
export function arrive(state: State, events: PolicyLogEvent[]): State {
	return reducer(state, {type: 'logs', kind: 'read', request: state.logs!.request, batches: [tailBatchOf(events)], read: true});
}

export function press(state: State, ...names: string[]): State {
	return names.reduce<State>((current, name) => reducer(current, {type: 'key', press: pressOf(name), at: 1_800_000_000}), state);
}

/** `count` events of the web policy, one a second, messages `event 0` on. */
export function someEvents(count: number, from = 0): PolicyLogEvent[] {
	return Array.from({length: count}, (_, index) => logEvent(`log:${from + index}`, {time: 1_800_000_000 + from + index, message: `event ${from + index}`}));
}
