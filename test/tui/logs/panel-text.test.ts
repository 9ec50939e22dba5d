import {describe, expect, test} from 'vitest';
import {emptyText, indicatorSpans, inputSpans, panelTitle} from '../../../source/tui/logs/panel-text.js';
import {openedLogs} from '../../../source/tui/logs/state.js';
import {spansText} from '../rows.js';
import {arrive, press, someEvents, stateWithLogs} from './logs-state.js';

const web = {kind: 'policy', uid: 'pol:web00000000000000000', name: 'webserver_policy'} as const;

describe('what an empty panel says', () => {
	test('while it reads, looks a name up, or retries', () => {
		expect(emptyText(openedLogs(web), 0)).toBe('reading the last 24h of logs for webserver_policy…');
		expect(emptyText(openedLogs({kind: 'lookup', query: 'web'}), 0)).toBe("looking up the policy 'web'…");
		expect(emptyText({...openedLogs(web), retry: {failures: 3, message: 'connection refused'}}, 0)).toBe('Cannot read the logs: connection refused. Retrying by itself (3)…');
	});

	test('with nothing in the window: what happened and what to do', () => {
		const live = {...openedLogs(web), phase: 'live' as const};
		expect(emptyText({...live, request: {...live.request, window: 6}}, 0)).toBe('No events for webserver_policy in the last 24h — press 0 to tail from now');
		expect(emptyText({...live, request: {target: {kind: 'all'}, window: 2}}, 0)).toBe('No events for any policy in the last 5m — press 0 to tail from now');
		expect(emptyText(live, 0)).toBe('No events for webserver_policy in the last 24h — new ones show here as they happen');
		expect(emptyText(live, 4)).toBe('4 new events arrived while paused — press s to show them');
	});

	test('when the tail stopped or the filter hides everything', () => {
		expect(emptyText({...openedLogs(web), phase: 'stopped', error: 'auth failed'}, 0)).toBe('The tail stopped: auth failed. Press 0 to 6 to try again, esc to go back.');
		const filtered = press(stateWithLogs(someEvents(3)), '&', 'z', 'z', 'z', 'enter').logs!;
		expect(emptyText(filtered, 0)).toBe('No line matches &zzz among 3 events — press & then ctrl+u and enter to see them all');
	});
});

describe('the title and the indicator strip', () => {
	test('name the policy, the window and the filter', () => {
		const state = press(stateWithLogs(someEvents(3)), '3', '&', 'x', 'enter');
		expect(spansText(panelTitle(state.logs!))).toBe('Logs  web  [15m]  &x');
	});

	test('say the toggles, the held and dropped events, the search position and a failing tail', () => {
		let state = stateWithLogs(someEvents(5), {buffer: 3});
		expect(spansText(indicatorSpans(state.logs!))).toBe('Follow:On  Wrap:Off  Timestamps:On  dropped 2');
		state = arrive(press(state, 's', 'w', 't'), someEvents(2, 5));
		state = {...state, logs: {...state.logs!, retry: {failures: 2, message: 'connection refused'}}};
		expect(spansText(indicatorSpans(state.logs!, {total: 4, upToCursor: 1}))).toBe('Follow:Off  Wrap:On  Timestamps:Off  2 new events (s shows them)  dropped 2  ⟳ retry 2: connection refused');
		state = press(state, '/', 'e', 'enter');
		expect(spansText(indicatorSpans(state.logs!, {total: 4, upToCursor: 1}))).toContain('  /e 1 of 4');
	});

	test('the line being typed shows its cursor, and a regex error', () => {
		expect(spansText(inputSpans(press(stateWithLogs([]), '&', '!', 'a', '(').logs!))).toBe('&!a(   invalid regex: Unterminated group; matching it as plain text');
		expect(spansText(inputSpans(press(stateWithLogs([]), '/').logs!))).toContain('/   regex; enter keeps and goes to the nearest match');
	});
});
