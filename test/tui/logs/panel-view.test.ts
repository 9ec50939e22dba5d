import {describe, expect, test} from 'vitest';
import {logsGeometry} from '../../../source/tui/logs/layout.js';
import {panelView} from '../../../source/tui/logs/panel-view.js';
import type {State} from '../../../source/tui/store.js';
import {arrive, press, someEvents, stateWithLogs} from './logs-state.js';

/** What the panel shows: each row's text, `>` marking the selected event. */
function shown(state: State): string[] {
	const view = panelView(state.logs!, logsGeometry(state));
	return view.rows.map(row => `${!row.json && row.entry.seq === view.cursor ? '> ' : '  '}${row.spans.map(part => part.text).join('').trimEnd()}`);
}

const small = {columns: 80, rows: 14};

describe('following and pausing', () => {
	test('a following panel shows the newest events at the bottom, and moves as they arrive', () => {
		let state = stateWithLogs(someEvents(30), {size: small});
		const rows = logsGeometry(state).rows;
		expect(shown(state)).toHaveLength(rows);
		expect(shown(state).at(-1)).toMatch(/ event 29$/);
		state = arrive(state, someEvents(2, 30));
		expect(shown(state).at(-1)).toMatch(/ event 31$/);
	});

	test('paused, the view stays, the new events are held and counted, and s shows them', () => {
		let state = press(stateWithLogs(someEvents(30), {size: small}), 's');
		const before = shown(state);
		expect(before.at(-1)).toMatch(/^> .* event 29$/);
		state = arrive(state, someEvents(3, 30));
		expect(shown(state)).toEqual(before);
		expect(state.logs!.held?.matching).toBe(3);
		state = press(state, 's');
		expect(state.logs!.follow).toBe(true);
		expect(shown(state).at(-1)).toMatch(/^ .* event 32$/);
	});

	test('k and j move the selection, scrolling only when it would leave the view; g and G go to the ends', () => {
		let state = stateWithLogs(someEvents(30), {size: small});
		const rows = logsGeometry(state).rows;
		state = press(state, 'k');
		expect(state.logs!.follow).toBe(false);
		expect(shown(state).at(-2)).toMatch(/^> .* event 28$/);
		state = press(state, ...Array.from({length: rows}, () => 'k'));
		expect(shown(state)[0]).toMatch(new RegExp(`^> .* event ${28 - rows}$`));
		state = press(state, 'j');
		expect(shown(state)[1]).toMatch(new RegExp(`^> .* event ${29 - rows}$`));
		state = press(state, 'g');
		expect(shown(state)[0]).toMatch(/^> .* event 0$/);
		state = press(state, 'G');
		expect(state.logs!.follow).toBe(true);
		expect(shown(state).at(-1)).toMatch(/ event 29$/);
	});

	test('a page down and up move a screenful', () => {
		let state = press(stateWithLogs(someEvents(60), {size: small}), 'g');
		const rows = logsGeometry(state).rows;
		state = press(state, 'pagedown');
		expect(shown(state).at(-1)).toMatch(new RegExp(`^> .* event ${rows - 1}$`));
		state = press(state, 'pagedown');
		expect(shown(state).at(-1)).toMatch(new RegExp(`^> .* event ${2 * rows - 2}$`));
		state = press(state, 'pageup');
		expect(shown(state)[0]).toMatch(new RegExp(`^> .* event ${rows - 1}$`));
	});
});

describe('an event shown as JSON', () => {
	test('enter unfolds the selected event under its line, and j scrolls through JSON taller than the panel a row at a time', () => {
		let state = press(stateWithLogs(someEvents(5), {size: {columns: 80, rows: 12}}), 'g', 'enter');
		const rows = logsGeometry(state).rows;
		let text = shown(state);
		expect(text[0]).toMatch(/^> .* event 0$/);
		expect(text[1]).toBe('    {');
		expect(text.join('\n')).toContain('"id": "log:0",');
		// The JSON of one event has 9 lines; with its own line that is more than the panel's rows.
		expect(rows).toBeLessThan(11);
		state = press(state, 'j');
		text = shown(state);
		expect(text[0]).toBe('    {');
		state = press(state, 'j', 'j', 'j', 'j', 'j');
		expect(shown(state).at(-1)).toMatch(/^> .* event 1$/);
		// Back up: the view stays while the JSON's end is in it, then scrolls a row at a time to the event's line.
		const view = shown(state);
		state = press(state, 'k');
		expect(state.logs!.cursor).toBe(0);
		expect(shown(state).slice(0, -1)).toEqual(view.slice(0, -1));
		state = press(state, 'k', 'k', 'k', 'k', 'k', 'k');
		expect(shown(state)[0]).toMatch(/^> .* event 0$/);
		state = press(state, 'enter');
		expect(state.logs!.expanded).toBeUndefined();
	});
});
