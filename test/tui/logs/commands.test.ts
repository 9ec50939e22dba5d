import {describe, expect, test} from 'vitest';
import type {ServerPolicy} from '../../../source/api/policy-records.js';
import {resolveKey} from '../../../source/tui/dispatch.js';
import {hintsFor} from '../../../source/tui/hints.js';
import {pressOf} from '../../../source/tui/keys.js';
import {tailBatchOf} from '../../../source/tui/logs/entry.js';
import {logsGeometry} from '../../../source/tui/logs/layout.js';
import {panelView} from '../../../source/tui/logs/panel-view.js';
import {initialState, reducer, type State} from '../../../source/tui/store.js';
import {loadedState, policyRow, policyValue} from '../rows.js';
import {arrive, press, someEvents, stateWithLogs} from './logs-state.js';
import {logEvent} from './events.js';

function serverPolicy(name: string): ServerPolicy {
	const value = policyValue(name);
	return {uid: `pol:${name}`, name, type: 'container', tags: [], policy: value as ServerPolicy['policy']};
}

/** The app on the API, connected and listing `names`. */
function listedState(...names: string[]): State {
	let state = initialState({columns: 100, rows: 30}, {origin: {kind: 'api', readOnly: false, draftsFolder: ''}, logBuffer: 50});
	state = reducer(state, {type: 'connected', task: 1, backend: {kind: 'embedded', label: 'local', organization: 'spytui'}});
	return reducer(state, {type: 'listed', request: state.load.request, policies: names.map(name => serverPolicy(name)), at: 0});
}

function messages(state: State): string[] {
	return panelView(state.logs!, logsGeometry(state)).rows.map(row => row.entry.message);
}

const hintText = (state: State) => hintsFor(state).map(hint => `${hint.keys} ${hint.label}`).join(' | ');

describe('opening and closing', () => {
	test('l tails the selected policy and L every policy, each with the buffer the app was given; esc and q go back to the list', () => {
		const list = press(listedState('db', 'web'), 'j');
		const one = press(list, 'l');
		expect(one.logs?.request.target).toEqual({kind: 'policy', uid: 'pol:web', name: 'web'});
		expect(one.logs?.ring.capacity).toBe(50);
		expect(press(one, 'esc').logs).toBeUndefined();
		expect(press(one, 'q').logs).toBeUndefined();
		expect(press(one, 'q').quitting).toBe(false);
		expect(press(list, 'L').logs?.request.target).toEqual({kind: 'all'});
	});

	test('the folder view has no logs, and says so', () => {
		const state = press(loadedState([policyRow('web')]), 'l');
		expect(state.logs).toBeUndefined();
		expect(state.flash?.text).toBe('l: the logs come from the API, and the folder view (--dir) has none: run spytui without --dir');
	});

	test('in the panel the list keys give way: the hint bar shows the panel keys, ctrl+c still quits', () => {
		const state = stateWithLogs(someEvents(3));
		expect(hintText(state)).toBe('esc back | s follow/pause | / search | & filter | enter json | 0 window | ctrl+s save | w wrap | t time | f full | j/k move | ? help | ctrl+c quit');
		expect(resolveKey(state, pressOf('c'))).toBeUndefined();
		expect(press(state, 'ctrl+c').quitting).toBe(true);
		expect(hintText(press(state, '/'))).toBe('enter keep | esc cancel | ctrl+c quit');
	});
});

describe('the & filter', () => {
	const events = [logEvent('log:1', {message: 'nginx started'}), logEvent('log:2', {message: 'sh ran'}), logEvent('log:3', {message: 'NGINX reloaded'})];

	test('narrows as it is typed; enter keeps it; new events are filtered too', () => {
		let state = press(stateWithLogs(events), '&', 'n', 'g', 'i');
		expect(messages(state)).toEqual(['nginx started', 'NGINX reloaded']);
		state = press(state, 'enter');
		expect(state.logs?.line).toBeUndefined();
		state = arrive(state, [logEvent('log:4', {message: 'curl'}), logEvent('log:5', {message: 'nginx again'})]);
		expect(messages(state)).toEqual(['nginx started', 'NGINX reloaded', 'nginx again']);
	});

	test('a leading ! inverts it; backspace and ctrl+u edit it; esc goes back to the filter before', () => {
		let state = press(stateWithLogs(events), '&', 's', 'h', 'enter');
		expect(messages(state)).toEqual(['sh ran']);
		state = press(state, '&', 'ctrl+u', '!', 's', 'h', 'x', 'backspace');
		expect(messages(state)).toEqual(['nginx started', 'NGINX reloaded']);
		state = press(state, 'esc');
		expect(messages(state)).toEqual(['sh ran']);
		state = press(state, '&', 'ctrl+u', 'enter');
		expect(state.logs?.filter).toBeUndefined();
		expect(messages(state)).toHaveLength(3);
	});

	test('an invalid regex is said and matched as text, not ignored', () => {
		const state = press(stateWithLogs([...events, logEvent('log:9', {message: 'a (b) c'})]), '&', '(', 'b');
		expect(state.logs?.filter?.pattern.error).toBe('invalid regex: Unterminated group; matching it as plain text');
		expect(messages(state)).toEqual(['a (b) c']);
	});
});

describe('the / search', () => {
	const events = Array.from({length: 6}, (_, index) => logEvent(`log:${index}`, {message: index % 2 === 0 ? `sh ${index}` : `other ${index}`}));

	test('enter goes to the newest match while following; n and N go round the matches, saying when they wrap', () => {
		let state = press(stateWithLogs(events), '/', 's', 'h', ' ', 'enter');
		expect(state.logs?.follow).toBe(false);
		expect(state.logs?.cursor).toBe(4);
		state = press(state, 'N');
		expect(state.logs?.cursor).toBe(2);
		state = press(state, 'n', 'n');
		expect(state.logs?.cursor).toBe(0);
		expect(state.flash?.text).toBe('search hit the bottom, continued at the top');
		state = press(state, 'N');
		expect(state.logs?.cursor).toBe(4);
		expect(state.flash?.text).toBe('search hit the top, continued at the bottom');
		expect(messages(state)).toHaveLength(6);
	});

	test('no match is said; esc goes back to the search before; n without a search says what to do', () => {
		expect(press(stateWithLogs(events), '/', 'z', 'q', 'enter').flash?.text).toBe('no line matches /zq/');
		const kept = press(stateWithLogs(events), '/', 'o', 't', 'enter', '/', 'x', 'esc');
		expect(kept.logs?.search?.text).toBe('ot');
		expect(press(stateWithLogs(events), 'n').flash?.text).toBe('n: search first: press / and type a regular expression');
	});
});

describe('windows, answers and saving', () => {
	test('a digit reads another window: a new request, an empty ring, the filter and toggles kept', () => {
		const before = press(stateWithLogs(someEvents(4)), '&', 'e', 'enter', 'w', 's');
		const after = press(before, '2');
		expect(after.logs?.request).not.toBe(before.logs?.request);
		expect(after.logs?.request.window).toBe(2);
		expect(after.logs?.ring.length).toBe(0);
		expect(after.logs).toMatchObject({follow: true, wrap: true, phase: 'reading', filter: {pattern: {text: 'e'}, seqs: []}});
	});

	test('answers for an older request are dropped', () => {
		const state = stateWithLogs(someEvents(2));
		const old = state.logs!.request;
		const next = press(state, '5');
		expect(reducer(next, {type: 'logs', kind: 'read', request: old, batches: [tailBatchOf(someEvents(1, 9))], read: true})).toBe(next);
	});

	test('a failing read shows its retry count until a read works again; a failure that waiting will not fix stops the tail', () => {
		let state = stateWithLogs([]);
		const request = state.logs!.request;
		state = reducer(state, {type: 'logs', kind: 'read', request, batches: [], read: false, retry: {failures: 1, message: 'connection refused'}});
		expect(state.logs?.retry).toEqual({failures: 1, message: 'connection refused'});
		state = reducer(state, {type: 'logs', kind: 'read', request, batches: [], read: true});
		expect(state.logs?.retry).toBeUndefined();
		state = reducer(state, {type: 'logs', kind: 'stopped', request, message: 'listing policies failed: 401 Unauthorized'});
		expect(state.logs).toMatchObject({phase: 'stopped', error: 'listing policies failed: 401 Unauthorized'});
		expect(state.flash).toMatchObject({level: 'error', text: 'the log tail stopped: listing policies failed: 401 Unauthorized'});
	});

	test('ctrl+s asks for the events shown, once at a time; the answer is said in the flash line', () => {
		const state = press(stateWithLogs(someEvents(3)), '&', '[', '1', '2', ']', 'enter', 'ctrl+s');
		const save = state.logs!.save!;
		expect(save.name).toBe('web-20270115-080000.log');
		expect(save.lines).toEqual(['2027-01-15T08:00:01Z web deviation high event 1', '2027-01-15T08:00:02Z web deviation high event 2']);
		expect(press(state, 'ctrl+s').flash?.text).toBe('ctrl+s: wait until spytui has written web-20270115-080000.log');
		const saved = reducer(state, {type: 'logs', kind: 'saved', save, file: '/tmp/web.log'});
		expect(saved.logs?.save).toBeUndefined();
		expect(saved.flash?.text).toBe('saved 2 events to /tmp/web.log');
		expect(reducer(state, {type: 'logs', kind: 'save-failed', save, message: 'EACCES'}).flash).toMatchObject({level: 'error', text: 'could not save the events: EACCES'});
		expect(press(stateWithLogs([]), 'ctrl+s').flash?.text).toBe('ctrl+s: there are no events to save');
	});
});
