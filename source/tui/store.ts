import type {FolderScan} from '../operations/local-folder.js';
import {applyCommand} from './commands.js';
import {detailCursorIndex, detailView, filteredRows, layoutOf, selectedIndex, selectedRow} from './derive.js';
import {resolveKey} from './dispatch.js';
import {type KeyPress, keyLabel} from './keys.js';
import type {Size} from './layout.js';
import {helpLines} from './help-content.js';
import {clamp, scrollToShow} from './scroll.js';

export type Focus = 'list' | 'detail';

export type FlashLevel = 'info' | 'warn' | 'error';
export type Flash = {id: number; level: FlashLevel; text: string};

export type State = {
	size: Size;
	/** Each (re)load gets a new request number; a result for an older one is dropped. */
	load: {request: number; phase: 'loading' | 'idle'};
	scan?: FolderScan;
	filter: {text: string; editing: boolean};
	focus: Focus;
	/** Selection is kept by row id, so it survives filtering and reloads. */
	list: {selectedId?: string; top: number};
	detail: {cursorKey?: string; top: number; collapsed: ReadonlySet<string>};
	help: {open: boolean; top: number};
	flash?: Flash;
	/** Set by the quit command; the app unmounts when it sees it. */
	quitting: boolean;
};

export type Action =
	| {type: 'key'; press: KeyPress}
	| {type: 'resize'; size: Size}
	| {type: 'loaded'; request: number; scan: FolderScan}
	| {type: 'load-failed'; request: number; message: string}
	| {type: 'flash-expired'; id: number};

export function initialState(size: Size): State {
	return {
		size,
		load: {request: 1, phase: 'loading'},
		filter: {text: '', editing: false},
		focus: 'list',
		list: {top: 0},
		detail: {top: 0, collapsed: new Set()},
		help: {open: false, top: 0},
		quitting: false,
	};
}

export function reducer(state: State, action: Action): State {
	const next = transition(state, action);
	return next === state ? state : settle(next, selectedRow(state)?.id);
}

function transition(state: State, action: Action): State {
	switch (action.type) {
		case 'key': {
			const resolved = resolveKey(state, action.press);
			if (!resolved) return state;
			if (resolved.disabledReason !== undefined) return flash(state, 'warn', `${keyLabel(action.press.name)}: ${resolved.disabledReason}`);
			return applyCommand(state, resolved.binding.command, action.press);
		}
		case 'resize': {
			return {...state, size: action.size};
		}
		case 'loaded': {
			if (action.request !== state.load.request) return state;
			const next: State = {...state, scan: action.scan, load: {...state.load, phase: 'idle'}};
			const note = loadNote(action.scan, action.request > 1);
			return note ? flash(next, note.level, note.text) : next;
		}
		case 'load-failed': {
			if (action.request !== state.load.request) return state;
			return flash({...state, load: {...state.load, phase: 'idle'}}, 'error', `could not read the folder: ${action.message}`);
		}
		case 'flash-expired': {
			if (state.flash?.id !== action.id) return state;
			const {flash: _expired, ...rest} = state;
			return rest;
		}
	}
}

export function flash(state: State, level: FlashLevel, text: string): State {
	return {...state, flash: {id: (state.flash?.id ?? 0) + 1, level, text}};
}

function loadNote(scan: FolderScan, reloaded: boolean): {level: FlashLevel; text: string} | undefined {
	if (scan.message) return reloaded ? {level: 'warn', text: scan.message} : undefined;
	const kinds = new Map<string, number>();
	for (const {kind} of scan.otherObjects) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
	// A first load that lists everything needs no message; the header has the counts.
	if (!reloaded && kinds.size === 0) return undefined;
	const policies = scan.rows.filter(row => row.kind === 'policy').length;
	const parts = [`${policies} ${policies === 1 ? 'policy' : 'policies'}`];
	if (scan.invalidFiles > 0) parts.push(`${scan.invalidFiles} invalid file${scan.invalidFiles === 1 ? '' : 's'}`);
	const notListed = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
	const text = `${reloaded ? 'reloaded' : 'read'}: ${parts.join(', ')}${notListed ? `; not listed: ${notListed}` : ''}`;
	return {level: scan.invalidFiles > 0 ? 'warn' : 'info', text};
}

/**
 * Brings derived positions back in line after any change: a selection that
 * exists, list and tree windows that show their cursor, a help window in range.
 */
function settle(state: State, previousId: string | undefined): State {
	const rows = filteredRows(state);
	const layout = layoutOf(state);
	let next = state;

	const index = selectedIndex(next);
	const selectedId = rows[index]?.id;
	const listTop = index === -1 ? 0 : scrollToShow(next.list.top, index, index, layout.listRows, rows.length);
	if (selectedId !== next.list.selectedId || listTop !== next.list.top) {
		next = {...next, list: selectedId === undefined ? {top: listTop} : {selectedId, top: listTop}};
	}
	if (selectedId !== previousId) {
		// Another row means another tree: its cursor starts at the top.
		next = {...next, detail: {collapsed: next.detail.collapsed, top: 0}};
	}
	if (next.focus === 'detail' && rows.length === 0) next = {...next, focus: 'list'};

	const helpTop = clamp(next.help.top, 0, helpLines().length - layout.helpRows);
	if (helpTop !== next.help.top) next = {...next, help: {...next.help, top: helpTop}};

	const {nodes, layout: tree} = detailView(next);
	const cursor = detailCursorIndex(next);
	if (cursor !== -1) {
		const first = tree.firstLineOf[cursor] ?? 0;
		const last = (tree.firstLineOf[cursor + 1] ?? tree.lines.length) - 1;
		// A node taller than the pane shows its first rows.
		const top = scrollToShow(next.detail.top, first, Math.min(last, first + layout.detailRows - 1), layout.detailRows, tree.lines.length);
		const cursorKey = nodes[cursor]?.node.key;
		if (top !== next.detail.top || (next.detail.cursorKey !== undefined && cursorKey !== next.detail.cursorKey)) {
			next = {...next, detail: {...next.detail, top, ...(cursorKey === undefined ? {} : {cursorKey})}};
		}
	}
	return next;
}
