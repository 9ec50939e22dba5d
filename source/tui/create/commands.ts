import type {KeyPress} from '../keys.js';
import type {Command} from '../keymap.js';
import {type Dialog, type State, startTask} from '../store.js';
import {buildPolicy} from './build.js';
import {type CreateFlow, type CreateSource, newFlow, workloadsOf} from './flow.js';
import {defaultName} from './name.js';

export type CreateDialog = Extract<Dialog, {kind: 'create'}>;

/** `c`: the dialog opens on the source list, and the server's fingerprints are fetched for it meanwhile. */
export function openCreate(state: State): State {
	return fetchWorkloads({...state, dialog: {kind: 'create', flow: newFlow, choice: 0, top: 0}});
}

function fetchWorkloads(state: State): State {
	return startTask(state, {kind: 'fingerprints', name: "the server's fingerprints"});
}

/**
 * Leaving the source list stops waiting for the fingerprint search, which can
 * take a while on a big org: a file can be read (or the dialog left) at once,
 * and its late answer is dropped. Coming back to the list asks again.
 */
function withoutFetch(state: State): State {
	if (state.task?.kind !== 'fingerprints') return state;
	const {task: _dropped, ...rest} = state;
	return rest;
}

export function createDialogOf(state: State): CreateDialog | undefined {
	return state.dialog?.kind === 'create' ? state.dialog : undefined;
}

/** A step's data changed: the same dialog, scrolled back to its top when the step changes. */
export function withFlow(state: State, flow: CreateFlow): State {
	const dialog = createDialogOf(state);
	if (!dialog) return state;
	const moved = flow.step !== dialog.flow.step;
	return {...state, dialog: {...dialog, flow, ...(moved ? {top: 0, choice: 0} : {})}};
}

/** The keys of the create dialog's steps. The keymap has already checked the step each key works in. */
export function createCommand(state: State, command: Command, press: KeyPress): State {
	const dialog = createDialogOf(state);
	if (!dialog) return state;
	const {flow} = dialog;
	switch (command) {
		case 'create.down':
		case 'create.up': {
			const last = workloadsOf(flow).length;
			const cursor = Math.min(last, Math.max(0, flow.cursor + (command === 'create.down' ? 1 : -1)));
			return withFlow(state, {...flow, cursor});
		}
		case 'create.next': {
			return next(state, flow);
		}
		case 'create.back': {
			return back(state, flow);
		}
		case 'create.mode': {
			return withFlow(state, {...flow, mode: flow.mode === 'audit' ? 'enforce' : 'audit'});
		}
		case 'create.type': {
			return edit(state, flow, text => text + (press.text ?? ''));
		}
		case 'create.erase': {
			return edit(state, flow, text => [...text].slice(0, -1).join(''));
		}
		case 'create.clear': {
			return edit(state, flow, () => '');
		}
		default: {
			return state;
		}
	}
}

function next(state: State, flow: CreateFlow): State {
	switch (flow.step) {
		case 'source': {
			const workload = workloadsOf(flow)[flow.cursor - 1];
			if (!workload) return withFlow(withoutFetch(state), {...flow, step: 'path'});
			const count = workload.fingerprints.length;
			const label = `${workload.type} workload ${workload.title} (${count} fingerprint${count === 1 ? '' : 's'})`;
			return withSource(state, flow, {label, objects: workload.fingerprints, defaultName: defaultName(workload.fingerprints)});
		}
		case 'path': {
			return startTask(withFlow(state, {...flow, problems: []}), {kind: 'read-source', name: flow.path.trim()});
		}
		case 'name': {
			if (!flow.source) return state;
			const built = buildPolicy(flow.source, flow.name, flow.mode);
			if ('problems' in built) return withFlow(state, {...flow, buildProblems: built.problems});
			const {error: _previous, ...rest} = flow;
			return withFlow(state, {...rest, step: 'preview', buildProblems: [], preview: built});
		}
		case 'preview': {
			return state;
		}
	}
}

/** The name step for a picked or read source; a source picked again keeps the name typed for it. */
export function withSource(state: State, flow: CreateFlow, source: CreateSource): State {
	const same = flow.source?.label === source.label;
	return withFlow(state, {...flow, step: 'name', source, name: same ? flow.name : source.defaultName, buildProblems: []});
}

function back(state: State, flow: CreateFlow): State {
	switch (flow.step) {
		case 'source': {
			const {dialog: _closed, ...rest} = withoutFetch(state);
			return rest;
		}
		case 'path': {
			const list = withFlow(state, {...flow, step: 'source'});
			return flow.listing ? list : fetchWorkloads(list);
		}
		case 'name': {
			// Back to where the source came from: the typed path, or the list.
			return withFlow(state, {...flow, step: flow.cursor === 0 ? 'path' : 'source'});
		}
		case 'preview': {
			return withFlow(state, {...flow, step: 'name'});
		}
	}
}

/** Typing goes to the field of the step: the path, or the name. */
function edit(state: State, flow: CreateFlow, change: (text: string) => string): State {
	if (flow.step === 'path') return withFlow(state, {...flow, path: change(flow.path)});
	if (flow.step === 'name') return withFlow(state, {...flow, name: change(flow.name), buildProblems: []});
	return state;
}

/** Enter on Create: the preview is sent as it was shown. */
export function sendCreate(state: State, dialog: CreateDialog): State {
	const preview = dialog.flow.preview;
	if (!preview) return state;
	return startTask(state, {kind: 'create', name: String(preview.policy.metadata['name']), document: preview.policy});
}
