import type {PolicyDocument, ServerPolicy} from '../api/policy-records.js';
import type {DiffPair} from '../operations/diff-sources.js';
import type {Draft} from '../operations/drafts.js';
import type {FolderScan} from '../operations/local-folder.js';
import {applyCommand} from './commands.js';
import type {CreateFlow, SourceRead, Workload} from './create/flow.js';
import {detailCursorIndex, detailView, filteredRows, layoutOf, overlayLines, selectedIndex, selectedRow} from './derive.js';
import {dialogView, selectRows} from './dialog-view.js';
import {diffLines} from './diff-screen/derive-diff.js';
import type {DiffScreen, DiffSource} from './diff-screen/screen-state.js';
import {resolveKey} from './dispatch.js';
import {type KeyPress, keyLabel} from './keys.js';
import {type Binding, keymap} from './keymap.js';
import type {Size} from './layout.js';
import {logsResult} from './logs/results.js';
import type {LogsAction, LogsState} from './logs/state.js';
import {resultOf} from './results.js';
import {clamp, scrollToShow} from './scroll.js';

export type Focus = 'list' | 'detail';

export type FlashLevel = 'info' | 'warn' | 'error';
export type Flash = {id: number; level: FlashLevel; text: string};

/** What the header says about the API the app talks to. */
export type BackendInfo = {kind: 'embedded' | 'remote'; label: string; contextName?: string; organization: string};

/** Where the policies come from: a folder of files (read-only), or the API. */
export type Origin = {kind: 'folder'; mode: string; location: string} | {kind: 'api'; readOnly: boolean; draftsFolder: string};

export type Connection = {
	phase: 'connecting' | 'ok' | 'retrying' | 'offline';
	/** Loads that failed in a row; reset by the next one that works. */
	failures: number;
	lastError?: string;
	backend?: BackendInfo;
};

/** A full-body view that scrolls: the key list, or the selected policy as YAML. */
export type Overlay = {kind: 'help' | 'yaml'; top: number};

/** A modal dialog over the panels; `choice` is the focused button, and 0 is always the harmless one. */
export type Dialog =
	| {kind: 'apply'; uid: string; choice: number; top: number; full: boolean}
	| {kind: 'conflict'; uid: string; latest: ServerPolicy; choice: number; top: number; full: boolean}
	| {kind: 'delete'; uid: string; name: string; typed: string; top: number}
	| {kind: 'quit'; choice: number; top: number}
	/** In the source step, `top` is the first source shown. */
	| {kind: 'create'; flow: CreateFlow; choice: number; top: number};

/** Work that leaves the process (network, disk, the editor). One at a time; its result comes back as an action. */
export type Task =
	| {id: number; kind: 'connect'; context?: string}
	| {id: number; kind: 'apply'; uid: string; name: string; document: PolicyDocument}
	| {id: number; kind: 'delete'; uid: string; name: string}
	| {id: number; kind: 'save'; name: string; document: Record<string, unknown>}
	| {id: number; kind: 'edit'; uid: string; name: string; document: PolicyDocument}
	| {id: number; kind: 'fingerprints'; name: string}
	/** `name`: the path as typed. */
	| {id: number; kind: 'read-source'; name: string}
	| {id: number; kind: 'create'; name: string; document: PolicyDocument}
	/** The two documents of the diff screen, fetched for `policy`. */
	| {id: number; kind: 'diff'; uid: string; name: string; source: Exclude<DiffSource, {kind: 'draft'}>; policy: ServerPolicy};

/** Omit on each member of a union, so the kinds stay apart. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A task as a command asks for it; startTask gives it its id. */
export type TaskRequest = WithoutId<Task>;

export type State = {
	size: Size;
	origin: Origin;
	/** The keymap after the user's overrides. */
	bindings: readonly Binding[];
	/** Each (re)load gets a new request number; a result for an older one is dropped. 0: nothing asked yet. */
	load: {request: number; phase: 'loading' | 'idle'};
	/** Offline: the folder's files. */
	scan?: FolderScan;
	/** From the API: the policies and when they were listed (epoch seconds, for AGE). */
	listing?: {policies: ServerPolicy[]; at: number};
	connection: Connection;
	/** Unapplied local edits, by policy uid. */
	drafts: ReadonlyMap<string, Draft>;
	/** `:type container`: only policies of this type are listed. */
	typeFilter?: string;
	filter: {text: string; editing: boolean};
	/** The `:` command line while it is open. */
	prompt?: {text: string};
	focus: Focus;
	/** Selection is kept by row id (a uid for API policies), so it survives filtering and refreshes. */
	list: {selectedId?: string; top: number};
	detail: {cursorKey?: string; top: number; collapsed: ReadonlySet<string>};
	overlay?: Overlay;
	/** The diff screen (`d`), in the place of the panels. */
	diff?: DiffScreen;
	dialog?: Dialog;
	/** The logs panel (`l`, `L`, `spytui tail`), in the place of the panels. */
	logs?: LogsState;
	/** Events the logs panel keeps (`--log-buffer`); the default without it. */
	logBuffer?: number;
	task?: Task;
	/** Ids for tasks, so that a late answer is matched to the request it belongs to. */
	taskCount: number;
	flash?: Flash;
	/** Set by the quit command; the app unmounts when it sees it. */
	quitting: boolean;
};

export type Action =
	/** `at`: epoch seconds of the press, recorded in drafts. */
	| {type: 'key'; press: KeyPress; at?: number}
	| {type: 'resize'; size: Size}
	| {type: 'loaded'; request: number; scan: FolderScan}
	| {type: 'listed'; request: number; policies: ServerPolicy[]; at: number}
	| {type: 'load-failed'; request: number; message: string}
	| {type: 'refresh-due'}
	| {type: 'flash-expired'; id: number}
	| {type: 'flash'; level: FlashLevel; text: string}
	| {type: 'connected'; task: number; backend: BackendInfo}
	| {type: 'applied'; task: number; uid: string; message: string}
	| {type: 'apply-conflict'; task: number; uid: string; latest: ServerPolicy}
	| {type: 'deleted'; task: number; uid: string; message: string}
	| {type: 'saved'; task: number; file: string}
	| {type: 'edited'; task: number; uid: string; document?: PolicyDocument; at: number}
	| {type: 'fingerprints-fetched'; task: number; workloads: Workload[]; at: number}
	| {type: 'source-read'; task: number; read: SourceRead}
	| {type: 'created'; task: number; policy: ServerPolicy; message: string}
	| {type: 'diff-loaded'; task: number; pair: DiffPair}
	| {type: 'task-failed'; task: number; message: string};

export const folderOrigin: Origin = {kind: 'folder', mode: 'offline files', location: ''};

export type InitialOptions = {
	origin?: Origin;
	bindings?: readonly Binding[];
	drafts?: ReadonlyMap<string, Draft>;
	/** Said in the flash line on the first frame: restored drafts, keymap problems. */
	notice?: {level: FlashLevel; text: string};
	/** The logs panel open from the first frame (`spytui tail`). */
	logs?: LogsState;
	logBuffer?: number;
};

export function initialState(size: Size, options: InitialOptions = {}): State {
	const origin = options.origin ?? folderOrigin;
	const api = origin.kind === 'api';
	const state: State = {
		size,
		origin,
		bindings: options.bindings ?? keymap,
		// The API is listed once connected; a folder is read at once.
		load: api ? {request: 0, phase: 'idle'} : {request: 1, phase: 'loading'},
		connection: {phase: api ? 'connecting' : 'ok', failures: 0},
		drafts: options.drafts ?? new Map(),
		filter: {text: '', editing: false},
		focus: 'list',
		list: {top: 0},
		detail: {top: 0, collapsed: new Set()},
		taskCount: api ? 1 : 0,
		quitting: false,
		...(api ? {task: {id: 1, kind: 'connect'}} : {}),
		...(options.logs ? {logs: options.logs} : {}),
		...(options.logBuffer === undefined ? {} : {logBuffer: options.logBuffer}),
	};
	return options.notice ? flash(state, options.notice.level, options.notice.text) : state;
}

export function reducer(state: State, action: Action | LogsAction): State {
	const next = action.type === 'logs' ? logsResult(state, action) : transition(state, action);
	return next === state ? state : settle(next, selectedRow(state)?.id);
}

function transition(state: State, action: Action): State {
	switch (action.type) {
		case 'key': {
			const resolved = resolveKey(state, action.press, state.bindings);
			if (!resolved) return state;
			if (resolved.disabledReason !== undefined) return flash(state, 'warn', `${keyLabel(action.press.name)}: ${resolved.disabledReason}`);
			return applyCommand(state, resolved.binding.command, action.press, action.at ?? 0);
		}
		case 'resize': {
			return {...state, size: action.size};
		}
		case 'flash-expired': {
			if (state.flash?.id !== action.id) return state;
			const {flash: _expired, ...rest} = state;
			return rest;
		}
		case 'flash': {
			return flash(state, action.level, action.text);
		}
		default: {
			return resultOf(state, action);
		}
	}
}

export function flash(state: State, level: FlashLevel, text: string): State {
	return {...state, flash: {id: (state.flash?.id ?? 0) + 1, level, text}};
}

/** Starts a task, unless one is running: the keymap refuses keys then, so this only guards. */
export function startTask(state: State, request: TaskRequest): State {
	if (state.task) return state;
	const id = state.taskCount + 1;
	return {...state, taskCount: id, task: {...request, id} as Task};
}

/** Asks for a fresh list; a load under way is superseded by the new request. */
export function requestLoad(state: State): State {
	return {...state, load: {request: state.load.request + 1, phase: 'loading'}};
}

/**
 * Brings derived positions back in line after any change: a selection that
 * exists, list, tree, overlay and dialog windows that show what they should.
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

	if (next.overlay) {
		const top = clamp(next.overlay.top, 0, overlayLines(next).length - layout.overlayRows);
		if (top !== next.overlay.top) next = {...next, overlay: {...next.overlay, top}};
	}
	if (next.diff) {
		// The diff screen's first row is its summary; the cursor stays on a line that exists and on screen.
		const total = diffLines(next).length;
		const cursor = clamp(next.diff.cursor, 0, total - 1);
		const top = scrollToShow(next.diff.top, cursor, cursor, layout.overlayRows - 1, total);
		if (cursor !== next.diff.cursor || top !== next.diff.top) next = {...next, diff: {...next.diff, cursor, top}};
	}
	if (next.dialog) {
		const view = dialogView(next);
		// A list to pick from scrolls to keep its cursor in sight; other dialogs scroll their lines.
		const top = view.select
			? scrollToShow(next.dialog.top, view.select.cursor, view.select.cursor, selectRows(view, layout.dialogRows), view.select.items.length)
			: clamp(next.dialog.top, 0, view.lines.length - layout.dialogRows);
		if (top !== next.dialog.top) next = {...next, dialog: {...next.dialog, top}};
	}

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
