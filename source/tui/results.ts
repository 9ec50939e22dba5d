import type {ServerPolicy} from '../api/policy-records.js';
import type {FolderScan} from '../operations/local-folder.js';
import {createFailed, createResult} from './create/results.js';
import {closeDialog} from './dialog-commands.js';
import {editDraft, replaceDraft} from './draft-edits.js';
import {serverRowOf} from './derive.js';
import {withoutServerPolicy, withServerPolicy} from './listing.js';
import {isNewer} from './server-rows.js';
import {type Action, flash, type FlashLevel, requestLoad, type State, type Task} from './store.js';

/** Loads that may fail in a row before the header says offline rather than retrying. */
export const failuresBeforeOffline = 3;

/** What answers from outside (loads, tasks, timers) do to the state. */
export function resultOf(state: State, action: Exclude<Action, {type: 'key' | 'resize' | 'flash-expired' | 'flash'}>): State {
	switch (action.type) {
		case 'loaded': {
			if (action.request !== state.load.request) return state;
			const next: State = {...state, scan: action.scan, load: {...state.load, phase: 'idle'}};
			const note = loadNote(action.scan, action.request > 1);
			return note ? flash(next, note.level, note.text) : next;
		}
		case 'listed': {
			if (action.request !== state.load.request) return state;
			return listed(state, action.policies, action.at);
		}
		case 'load-failed': {
			if (action.request !== state.load.request) return state;
			const idle: State = {...state, load: {...state.load, phase: 'idle'}};
			if (state.origin.kind === 'folder') return flash(idle, 'error', `could not read the folder: ${action.message}`);
			const failures = state.connection.failures + 1;
			const offline = failures >= failuresBeforeOffline;
			const next: State = {...idle, connection: {...state.connection, phase: offline ? 'offline' : 'retrying', failures, lastError: action.message}};
			// Said once, when retrying gives way to offline; the header keeps showing it after that.
			return failures === failuresBeforeOffline ? flash(next, 'error', `lost the connection: ${action.message}. Drafts are kept; spytui keeps trying`) : next;
		}
		case 'refresh-due': {
			const ready = state.origin.kind === 'api' && state.connection.backend !== undefined && state.load.phase === 'idle' && state.task?.kind !== 'connect';
			return ready ? requestLoad(state) : state;
		}
		default: {
			return taskResult(state, action);
		}
	}
}

function listed(state: State, policies: ServerPolicy[], at: number): State {
	const wasDown = state.connection.phase === 'retrying' || state.connection.phase === 'offline';
	let next: State = {
		...state,
		listing: {policies, at},
		load: {...state.load, phase: 'idle'},
		connection: state.connection.backend ? {phase: 'ok', failures: 0, backend: state.connection.backend} : {phase: 'ok', failures: 0},
	};
	const moved = newlyStale(state, next);
	if (moved.length > 0) {
		return flash(next, 'warn', `changed on the server since your draft: ${moved.join(', ')}. a shows both changes and offers to re-apply yours`);
	}
	if (wasDown) next = flash(next, 'info', 'connected again');
	return next;
}

/** Drafts whose policy just got a newer server version: the user should hear of it once, not on every refresh. */
function newlyStale(before: State, after: State): string[] {
	const names: string[] = [];
	for (const draft of after.drafts.values()) {
		const now = serverRowOf(after, draft.uid);
		if (!now?.stale) continue;
		const then = before.listing?.policies.find(policy => policy.uid === draft.uid);
		if (before.listing && then && isNewer(then.version, draft.baseVersion)) continue;
		names.push(now.name);
	}
	return names;
}

type TaskAction = Extract<Action, {task: number}>;

function taskResult(state: State, action: TaskAction): State {
	const task = state.task;
	if (!task || task.id !== action.task) return state;
	const {task: _done, ...rest} = state;
	const done: State = rest;
	switch (action.type) {
		case 'connected': {
			const switched = state.connection.backend !== undefined;
			const next: State = {...done, connection: {phase: 'connecting', failures: 0, backend: action.backend}};
			if (!switched) return requestLoad(next);
			// Another API: its policies replace the list, and the selection starts over.
			const {listing: _old, ...fresh} = next;
			return flash(requestLoad({...fresh, list: {top: 0}}), 'info', `switched to ${action.backend.contextName ? `context ${action.backend.contextName}` : 'the embedded server'}`);
		}
		case 'applied': {
			// The draft goes only now that the server has it.
			return flash(requestLoad(replaceDraft(closeDialog(done), action.uid, undefined)), 'info', action.message);
		}
		case 'apply-conflict': {
			const next = withServerPolicy(done, action.latest);
			const draft = state.drafts.get(action.uid);
			const versions = draft ? ` (the server has version ${action.latest.version ?? '?'}, your draft is based on ${draft.baseVersion ?? '?'})` : '';
			return flash({...next, dialog: {kind: 'conflict', uid: action.uid, latest: action.latest, choice: 0, top: 0, full: false}}, 'warn', `not applied: the policy changed on the server${versions}`);
		}
		case 'deleted': {
			const next = withoutServerPolicy(replaceDraft(closeDialog(done), action.uid, undefined), action.uid);
			return flash(requestLoad(next), 'info', action.message);
		}
		case 'saved': {
			return flash(done, 'info', `saved ${task.kind === 'save' ? task.name : 'the policy'} to ${action.file}`);
		}
		case 'edited': {
			return edited(done, task, action);
		}
		case 'fingerprints-fetched':
		case 'source-read':
		case 'created': {
			return createResult(done, action);
		}
		case 'diff-loaded': {
			return done.diff && task.kind === 'diff' && done.diff.uid === task.uid ? {...done, diff: {...done.diff, pair: action.pair}} : done;
		}
		case 'task-failed': {
			return failed(done, task, action.message);
		}
	}
}

function edited(state: State, task: Task, action: Extract<Action, {type: 'edited'}>): State {
	if (!action.document) return flash(state, 'info', 'edit cancelled: no changes made');
	const row = serverRowOf(state, action.uid);
	if (!row) return flash(state, 'error', `the edit of ${task.kind === 'edit' ? task.name : action.uid} was not kept: the policy is no longer listed`);
	const document = action.document;
	return editDraft(state, row, () => document, action.at, 'edited in the editor');
}

function failed(state: State, task: Task, message: string): State {
	switch (task.kind) {
		case 'connect': {
			if (state.connection.backend) return flash(state, 'error', `could not switch to context ${task.context ?? ''}: ${message}`);
			return flash({...state, connection: {phase: 'offline', failures: state.connection.failures + 1, lastError: message}}, 'error', `could not connect: ${message} (r tries again)`);
		}
		case 'apply': {
			// The dialog closes so the draft and the error can be read; the draft itself stays.
			return flash(closeDialog(state), 'error', `apply failed, the draft is kept: ${message}`);
		}
		case 'delete': {
			return flash(closeDialog(state), 'error', `delete failed: ${message}`);
		}
		case 'save': {
			return flash(state, 'error', `could not save ${task.name}: ${message}`);
		}
		case 'edit': {
			return flash(state, 'error', `edit failed: ${message}`);
		}
		case 'fingerprints':
		case 'read-source':
		case 'create': {
			return createFailed(state, task, message);
		}
		case 'diff': {
			return state.diff?.uid === task.uid ? {...state, diff: {...state.diff, error: message}} : flash(state, 'error', `could not compare ${task.name}: ${message}`);
		}
	}
}

export function loadNote(scan: FolderScan, reloaded: boolean): {level: FlashLevel; text: string} | undefined {
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
