import {describe, expect, test} from 'vitest';
import {detailCursor, detailView, filteredRows, filterError, layoutOf, selectedRow} from '../../source/tui/derive.js';
import {initialState, reducer, type State} from '../../source/tui/store.js';
import {fileRow, loadedState, policyRow, pressKeys, scanOf, spansText} from './rows.js';

const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
const rows = () => names.map(name => policyRow(name));

/** 80x24 stacked: six table rows are visible. */
const small = {columns: 80, rows: 24};

function selectedName(state: State): string | undefined {
	const row = selectedRow(state);
	return row?.kind === 'file' ? row.file : row?.name;
}

function cursorText(state: State): string {
	const cursor = detailCursor(state);
	return cursor ? spansText(cursor.node.label) : '';
}

describe('loading', () => {
	test('starts loading with nothing selected, then selects the first row', () => {
		const start = initialState(small);
		expect(start.load).toEqual({request: 1, phase: 'loading'});
		expect(selectedRow(start)).toBeUndefined();
		const state = loadedState(rows(), small);
		expect(state.load.phase).toBe('idle');
		expect(selectedName(state)).toBe('alpha');
	});

	test('r asks for a new load and keeps the selection by id when it arrives', () => {
		let state = pressKeys(loadedState(rows(), small), 'j', 'j');
		state = pressKeys(state, 'r');
		expect(state.load).toEqual({request: 2, phase: 'loading'});
		// The policy moved to another position: the selection follows it.
		const reordered = [policyRow('aardvark'), ...rows()];
		state = reducer(state, {type: 'loaded', request: 2, scan: scanOf(reordered)});
		expect(selectedName(state)).toBe('charlie');
		expect(state.flash).toMatchObject({level: 'info', text: 'reloaded: 13 policies'});
	});

	test('r while a load is running says why it does nothing', () => {
		const state = pressKeys(initialState(small), 'r');
		expect(state.load.request).toBe(1);
		expect(state.flash).toMatchObject({level: 'warn', text: 'r: the folder is being read'});
	});

	test('a result for an older request is dropped', () => {
		const state = pressKeys(loadedState(rows(), small), 'r');
		const stale = reducer(state, {type: 'loaded', request: 1, scan: scanOf([])});
		expect(stale).toBe(state);
	});

	test('a failed load is an error message, and the last rows stay', () => {
		let state = pressKeys(loadedState(rows(), small), 'r');
		state = reducer(state, {type: 'load-failed', request: 2, message: 'EIO'});
		expect(state.flash).toMatchObject({level: 'error', text: 'could not read the folder: EIO'});
		expect(filteredRows(state)).toHaveLength(12);
	});
});

describe('list movement', () => {
	test('j, k, arrows, g and G move and stop at the ends', () => {
		let state = loadedState(rows(), small);
		state = pressKeys(state, 'k');
		expect(selectedName(state)).toBe('alpha');
		state = pressKeys(state, 'j', 'down', 'down');
		expect(selectedName(state)).toBe('delta');
		state = pressKeys(state, 'up');
		expect(selectedName(state)).toBe('charlie');
		state = pressKeys(state, 'G');
		expect(selectedName(state)).toBe('lima');
		state = pressKeys(state, 'j');
		expect(selectedName(state)).toBe('lima');
		state = pressKeys(state, 'g');
		expect(selectedName(state)).toBe('alpha');
	});

	test('the window scrolls only when the selection would leave it', () => {
		let state = loadedState(rows(), small);
		const height = layoutOf(state).listRows;
		expect(height).toBe(6);
		state = pressKeys(state, ...Array.from({length: height - 1}, () => 'j'));
		expect(state.list.top).toBe(0);
		state = pressKeys(state, 'j');
		expect(state.list.top).toBe(1);
		state = pressKeys(state, 'k', 'k', 'k');
		expect(state.list.top).toBe(1);
		state = pressKeys(state, 'G');
		expect(state.list.top).toBe(names.length - height);
	});

	test('page keys move by the visible height', () => {
		let state = loadedState(rows(), small);
		state = pressKeys(state, 'pagedown');
		expect(selectedName(state)).toBe('golf');
		state = pressKeys(state, 'ctrl+f', 'ctrl+f');
		expect(selectedName(state)).toBe('lima');
		state = pressKeys(state, 'ctrl+b');
		expect(selectedName(state)).toBe('foxtrot');
		state = pressKeys(state, 'pageup');
		expect(selectedName(state)).toBe('alpha');
	});

	test('movement keys in an empty list say why nothing happens', () => {
		const state = pressKeys(loadedState([], small), 'j');
		expect(state.flash).toMatchObject({level: 'warn', text: 'j: the list is empty'});
	});
});

describe('filter', () => {
	test('/ opens the filter line; typing narrows the list and selects the first match', () => {
		let state = pressKeys(loadedState(rows(), small), 'G', '/');
		expect(state.filter.editing).toBe(true);
		state = pressKeys(state, 'l', 'i');
		expect(filteredRows(state).map(row => row.kind === 'policy' && row.name)).toEqual(['charlie', 'juliet', 'lima']);
		expect(selectedName(state)).toBe('lima');
		state = pressKeys(state, 'backspace', 'backspace', 'h', 'o');
		expect(filteredRows(state).map(row => row.kind === 'policy' && row.name)).toEqual(['echo', 'hotel']);
		expect(selectedName(state)).toBe('echo');
	});

	test('keys that are text while filtering type, and ctrl+c still quits', () => {
		let state = pressKeys(loadedState(rows(), small), '/', 'q', 'j', 'r', '?');
		expect(state.filter.text).toBe('qjr?');
		expect(state.quitting).toBe(false);
		expect(state.overlay).toBeUndefined();
		expect(state.load.request).toBe(1);
		state = pressKeys(state, 'ctrl+c');
		expect(state.quitting).toBe(true);
	});

	test('arrows still move the selection while the filter line is open', () => {
		const state = pressKeys(loadedState(rows(), small), '/', 'h', 'o', 'down');
		expect(selectedName(state)).toBe('hotel');
		expect(state.filter.editing).toBe(true);
	});

	test('the text is a case-insensitive regular expression', () => {
		const state = pressKeys(loadedState(rows(), small), '/', ...'^(A|E)'.split(''));
		expect(filteredRows(state).map(row => row.kind === 'policy' && row.name)).toEqual(['alpha', 'echo']);
		expect(filterError(state)).toBeUndefined();
	});

	test('an invalid regular expression is reported and matched as plain text', () => {
		const withParenthesis = [...rows(), policyRow('weird(name')];
		const state = pressKeys(loadedState(withParenthesis, small), '/', 'd', '(');
		expect(filterError(state)).toBe('invalid regex: Unterminated group');
		expect(filteredRows(state).map(row => row.kind === 'policy' && row.name)).toEqual(['weird(name']);
	});

	test('matches status, type, file and "invalid" as well as the name', () => {
		const disabled = policyRow('zulu', {enabled: false});
		const state = loadedState([...rows(), disabled, fileRow('broken.yaml', 'not valid YAML or JSON')], small);
		expect(filteredRows(pressKeys(state, '/', ...'disabled'.split(''))).map(row => row.id)).toEqual([disabled.id]);
		expect(filteredRows(pressKeys(state, '/', ...'invalid'.split(''))).map(row => row.id)).toEqual(['broken.yaml']);
	});

	test('enter keeps the filter and closes the line; esc in the list then clears it', () => {
		let state = pressKeys(loadedState(rows(), small), '/', 'k', 'enter');
		expect(state.filter).toEqual({text: 'k', editing: false});
		expect(filteredRows(state)).toHaveLength(1);
		// Closed, so j moves again instead of typing.
		state = pressKeys(state, 'esc');
		expect(state.filter).toEqual({text: '', editing: false});
		expect(filteredRows(state)).toHaveLength(12);
	});

	test('esc while typing clears the filter and closes the line', () => {
		const state = pressKeys(loadedState(rows(), small), '/', 'k', 'esc');
		expect(state.filter).toEqual({text: '', editing: false});
	});

	test('the filter line takes a row from the panels', () => {
		const rowsOf = (state: State) => layoutOf(state).listRows + layoutOf(state).detailRows;
		const state = loadedState(rows(), small);
		expect(rowsOf(pressKeys(state, '/'))).toBe(rowsOf(state) - 1);
	});

	test('no match leaves nothing selected and the detail pane cannot take focus', () => {
		const state = pressKeys(loadedState(rows(), small), '/', 'x', 'y', 'z', 'enter', 'enter');
		expect(selectedRow(state)).toBeUndefined();
		expect(state.focus).toBe('list');
		expect(state.flash).toMatchObject({level: 'warn', text: 'enter: no policy is selected'});
	});
});

describe('detail pane', () => {
	test('enter and tab focus it; esc and tab go back', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter');
		expect(state.focus).toBe('detail');
		state = pressKeys(state, 'esc');
		expect(state.focus).toBe('list');
		state = pressKeys(state, 'tab');
		expect(state.focus).toBe('detail');
		state = pressKeys(state, 'tab');
		expect(state.focus).toBe('list');
	});

	test('j and k move the tree cursor, not the list selection', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter');
		expect(cursorText(state)).toMatch(/^metadata/);
		state = pressKeys(state, 'j', 'j');
		expect(selectedName(state)).toBe('alpha');
		expect(detailView(state).nodes.indexOf(detailCursor(state)!)).toBe(2);
		state = pressKeys(state, 'k');
		expect(detailView(state).nodes.indexOf(detailCursor(state)!)).toBe(1);
	});

	test('space folds and unfolds the branch under the cursor', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter');
		const before = detailView(state).nodes.length;
		state = pressKeys(state, 'space');
		expect(detailCursor(state)?.expanded).toBe(false);
		expect(detailView(state).nodes.length).toBeLessThan(before);
		state = pressKeys(state, 'space');
		expect(detailView(state).nodes.length).toBe(before);
	});

	test('left folds, then steps out to the parent; right unfolds, then steps in', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter');
		// Go to the python process, which has a child.
		while (!cursorText(state).startsWith('python')) state = pressKeys(state, 'j');
		state = pressKeys(state, 'left');
		expect(detailCursor(state)?.expanded).toBe(false);
		state = pressKeys(state, 'left');
		expect(cursorText(state)).toMatch(/^processPolicy/);
		state = pressKeys(state, 'right');
		expect(cursorText(state)).toMatch(/^python/);
		state = pressKeys(state, 'l', 'l');
		expect(cursorText(state)).toMatch(/^sh/);
	});

	test('space on a leaf says there is nothing to fold', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter');
		while (detailCursor(state)?.node.children.length) state = pressKeys(state, 'j');
		state = pressKeys(state, 'space');
		expect(state.flash?.text).toBe('space: the line under the cursor has nothing to fold');
	});

	test('- folds everything (the cursor climbs to a visible ancestor) and + unfolds it again', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter', 'G');
		const all = detailView(state).nodes.length;
		state = pressKeys(state, '-');
		expect(detailView(state).nodes.every(node => node.depth === 0)).toBe(true);
		expect(cursorText(state)).toMatch(/^response/);
		state = pressKeys(state, '+');
		expect(detailView(state).nodes.length).toBe(all);
	});

	test('folds are remembered per policy', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter', 'space', 'esc', 'j');
		expect(detailView(state).nodes[0]?.expanded).toBe(true);
		state = pressKeys(state, 'k');
		expect(detailView(state).nodes[0]?.expanded).toBe(false);
	});

	test('another policy starts with the cursor and window at the top', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter', 'G');
		expect(state.detail.top).toBeGreaterThan(0);
		state = pressKeys(state, 'esc', 'j');
		expect(state.detail.top).toBe(0);
		expect(cursorText(state)).toMatch(/^metadata/);
	});

	test('the window follows the cursor', () => {
		let state = pressKeys(loadedState(rows(), small), 'enter');
		const {detailRows} = layoutOf(state);
		state = pressKeys(state, 'G');
		const {lines} = detailView(state).layout;
		expect(state.detail.top).toBe(lines.length - detailRows);
		state = pressKeys(state, 'g');
		expect(state.detail.top).toBe(0);
		state = pressKeys(state, 'pagedown');
		expect(state.detail.top).toBeGreaterThan(0);
	});
});

describe('help overlay', () => {
	test('? opens it; q and esc close it without quitting', () => {
		let state = pressKeys(loadedState(rows(), small), '?');
		expect(state.overlay?.kind).toBe('help');
		state = pressKeys(state, 'q');
		expect(state.overlay).toBeUndefined();
		expect(state.quitting).toBe(false);
		state = pressKeys(state, '?', 'esc');
		expect(state.overlay).toBeUndefined();
	});

	test('keys of the panes below do not leak through, but ctrl+c quits', () => {
		let state = pressKeys(loadedState(rows(), small), '?', 'r', '/', 'enter');
		expect(state.load.request).toBe(1);
		expect(state.filter.editing).toBe(false);
		expect(state.focus).toBe('list');
		state = pressKeys(state, 'ctrl+c');
		expect(state.quitting).toBe(true);
	});

	test('j, k, G and g scroll within range', () => {
		let state = pressKeys(loadedState(rows(), small), '?', 'k');
		expect(state.overlay?.top).toBe(0);
		state = pressKeys(state, 'j', 'j');
		expect(state.overlay?.top).toBe(2);
		state = pressKeys(state, 'G');
		const bottom = state.overlay?.top;
		expect(pressKeys(state, 'j').overlay?.top).toBe(bottom);
		expect(pressKeys(state, 'g').overlay?.top).toBe(0);
	});
});

describe('messages, resize and quit', () => {
	test('a message expires only by its own id', () => {
		const state = pressKeys(loadedState([], small), 'j');
		const id = state.flash?.id ?? -1;
		expect(reducer(state, {type: 'flash-expired', id: id + 1}).flash).toBeDefined();
		expect(reducer(state, {type: 'flash-expired', id}).flash).toBeUndefined();
	});

	test('resize switches between stacked and side by side', () => {
		let state = loadedState(rows(), small);
		expect(layoutOf(state).arrangement).toBe('stacked');
		state = reducer(state, {type: 'resize', size: {columns: 200, rows: 50}});
		expect(layoutOf(state).arrangement).toBe('side-by-side');
	});

	test('a shorter terminal scrolls the selection back into view', () => {
		let state = pressKeys(loadedState(rows(), {columns: 80, rows: 50}), 'G');
		expect(state.list.top).toBe(0);
		state = reducer(state, {type: 'resize', size: small});
		expect(state.list.top).toBe(names.length - layoutOf(state).listRows);
	});

	test('q quits', () => {
		expect(pressKeys(loadedState(rows(), small), 'q').quitting).toBe(true);
	});

	test('unknown keys change nothing', () => {
		const state = loadedState(rows(), small);
		expect(pressKeys(state, 'z', 'f5')).toBe(state);
	});
});
