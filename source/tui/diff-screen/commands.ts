import {serverRowOf, layoutOf} from '../derive.js';
import {editDraft} from '../draft-edits.js';
import type {Command} from '../keymap.js';
import {clamp} from '../scroll.js';
import {flash, type State, startTask} from '../store.js';
import {diffLines, diffPairOf} from './derive-diff.js';
import {type DiffScreen, type DiffSource, maximumContext, nextWindow, openDiffScreen, withSource} from './screen-state.js';

/**
 * `d` on a policy: its draft against the server copy when it has one (what `a`
 * would send), else the policy against its deviations since latestTimestamp.
 */
export function openDiff(state: State, uid: string): State {
	const row = serverRowOf(state, uid);
	if (!row) return state;
	const source: DiffSource = row.draft ? {kind: 'draft'} : {kind: 'deviations', window: 'latest'};
	return load({...state, diff: openDiffScreen(uid, row.name, source)});
}

/** Asks the API for the comparison the screen shows; a draft's is made from the state. */
function load(state: State): State {
	const screen = state.diff;
	if (!screen || screen.source.kind === 'draft') return state;
	const row = serverRowOf(state, screen.uid);
	if (!row) return state;
	return startTask(state, {kind: 'diff', uid: screen.uid, name: screen.name, source: screen.source, policy: row.policy});
}

function withScreen(state: State, screen: DiffScreen): State {
	return {...state, diff: screen};
}

export function diffCommand(state: State, command: Command, at: number): State {
	const screen = state.diff;
	if (!screen) return state;
	if (command.startsWith('versions.')) return versionsCommand(state, screen, command);
	const lines = diffLines(state);
	const page = layoutOf(state).overlayRows - 1;
	const moveTo = (cursor: number) => withScreen(state, {...screen, cursor: clamp(cursor, 0, lines.length - 1)});
	switch (command) {
		case 'diff.close': {
			const {diff: _closed, ...rest} = state;
			return rest;
		}
		case 'diff.down': {
			return moveTo(screen.cursor + 1);
		}
		case 'diff.up': {
			return moveTo(screen.cursor - 1);
		}
		case 'diff.top': {
			return moveTo(0);
		}
		case 'diff.bottom': {
			return moveTo(lines.length - 1);
		}
		case 'diff.pageDown': {
			return withScreen(state, {...screen, cursor: clamp(screen.cursor + page, 0, lines.length - 1), top: screen.top + page});
		}
		case 'diff.pageUp': {
			return withScreen(state, {...screen, cursor: clamp(screen.cursor - page, 0, lines.length - 1), top: Math.max(0, screen.top - page)});
		}
		case 'diff.next': {
			const next = lines.findIndex((line, index) => index > screen.cursor && line.change);
			return next === -1 ? flash(state, 'info', 'no more changes below') : withScreen(state, {...screen, cursor: next, top: Math.max(0, next - 2)});
		}
		case 'diff.previous': {
			const previous = lines.findLastIndex((line, index) => index < screen.cursor && line.change);
			return previous === -1 ? flash(state, 'info', 'no more changes above') : withScreen(state, {...screen, cursor: previous, top: Math.max(0, previous - 2)});
		}
		case 'diff.expand': {
			const gap = lines[screen.cursor]?.gap;
			return gap ? withScreen(state, {...screen, expanded: new Set([...screen.expanded, gap.start])}) : state;
		}
		case 'diff.full': {
			return withScreen(state, {...screen, full: !screen.full, cursor: 0, top: 0});
		}
		case 'diff.lessContext': {
			return withScreen(state, {...screen, context: Math.max(0, screen.context - 1)});
		}
		case 'diff.moreContext': {
			return withScreen(state, {...screen, context: Math.min(maximumContext, screen.context + 1)});
		}
		case 'diff.view': {
			return withScreen(state, {...screen, view: screen.view === 'text' ? 'tree' : 'text', cursor: 0, top: 0});
		}
		case 'diff.window': {
			const window = screen.source.kind === 'deviations' ? nextWindow(screen.source.window) : 'latest';
			return load(withScreen(state, withSource(screen, {kind: 'deviations', window})));
		}
		case 'diff.draft': {
			return withScreen(state, withSource(screen, {kind: 'draft'}));
		}
		case 'diff.versions': {
			const newest = serverRowOf(state, screen.uid)?.policy.version ?? 1;
			const from = screen.source.kind === 'versions' ? screen.source.from : Math.max(1, newest - 1);
			const to = screen.source.kind === 'versions' ? screen.source.to : newest;
			return withScreen(state, {...screen, picking: {from, to, field: 'from', newest}});
		}
		case 'diff.merge': {
			return merge(state, screen, at);
		}
		case 'diff.apply': {
			const row = serverRowOf(state, screen.uid);
			if (!row) return state;
			if (row.stale) return {...state, dialog: {kind: 'conflict', uid: row.uid, latest: row.policy, choice: 0, top: 0, full: false}};
			return {...state, dialog: {kind: 'apply', uid: row.uid, choice: 0, top: 0, full: false}};
		}
		default: {
			return state;
		}
	}
}

/** `M`: the policy with its deviations merged becomes the draft, which the screen then shows against the server copy. */
function merge(state: State, screen: DiffScreen, at: number): State {
	const pair = diffPairOf(state);
	const row = serverRowOf(state, screen.uid);
	if (!pair || !row || screen.source.kind !== 'deviations') return state;
	const merged = pair.after;
	const edited = editDraft(state, row, () => merged, at, `merged ${pair.about}`);
	return edited.drafts.has(screen.uid) ? withScreen(edited, withSource(screen, {kind: 'draft'})) : edited;
}

function versionsCommand(state: State, screen: DiffScreen, command: Command): State {
	const picking = screen.picking;
	if (!picking) return state;
	const change = (by: number) => {
		const value = clamp(picking[picking.field] + by, 1, picking.newest);
		return withScreen(state, {...screen, picking: {...picking, [picking.field]: value}});
	};
	switch (command) {
		case 'versions.up': {
			return change(1);
		}
		case 'versions.down': {
			return change(-1);
		}
		case 'versions.switch': {
			return withScreen(state, {...screen, picking: {...picking, field: picking.field === 'from' ? 'to' : 'from'}});
		}
		case 'versions.cancel': {
			const {picking: _closed, ...rest} = screen;
			return withScreen(state, rest);
		}
		case 'versions.accept': {
			const from = Math.min(picking.from, picking.to);
			const to = Math.max(picking.from, picking.to);
			return load(withScreen(state, withSource(screen, {kind: 'versions', from, to})));
		}
		default: {
			return state;
		}
	}
}
