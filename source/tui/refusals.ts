import {nameProblem} from './create/name.js';
import {selectedRow} from './derive.js';
import type {State, Task} from './store.js';

/*
 * Why a key that changes something cannot act now. The keymap shows these
 * when such a key is pressed, and the hint bar leaves the key out.
 */

const taskWords: Record<Task['kind'], string> = {
	connect: 'connecting',
	apply: 'applying',
	delete: 'deleting',
	save: 'saving',
	edit: 'editing',
	fingerprints: 'fetching',
	'read-source': 'reading',
	create: 'creating',
	diff: 'comparing',
};

/** Something else is under way; its answer decides what the next change starts from. */
export function busyReason(state: State): string | undefined {
	const task = state.task;
	if (!task) return undefined;
	return `wait until spytui has finished ${taskWords[task.kind]}${task.kind === 'connect' ? '' : ` ${task.name}`}`;
}

export function readOnlyReason(state: State): string | undefined {
	if (state.origin.kind === 'folder') return 'the folder view is read-only: run spytui without --dir to change policies';
	if (state.origin.readOnly) return 'spytui was started with --read-only';
	return undefined;
}

/** For `c`: creating needs the API, and changes allowed. */
export function createRefusal(state: State): string | undefined {
	if (state.origin.kind === 'folder') return 'creating a policy needs the API, and the folder view (--dir) has none: run spytui without --dir';
	const readOnly = readOnlyReason(state);
	if (readOnly) return readOnly;
	if (!state.connection.backend) return state.connection.phase === 'connecting' ? 'spytui is still connecting to the API' : 'not connected to the API (r tries again)';
	return busyReason(state);
}

/** Enter in the create dialog: a file to read, a name the schema accepts. */
export function createNextRefusal(state: State): string | undefined {
	const flow = state.dialog?.kind === 'create' ? state.dialog.flow : undefined;
	if (flow?.step === 'path') return flow.path.trim() === '' ? 'type the path of a file first' : busyReason(state);
	if (flow?.step === 'name') return nameProblem(flow.name.trim());
	return undefined;
}

/** Esc in the create dialog waits for a file being read or a policy being created: their answer belongs to the step shown. */
export function createBackRefusal(state: State): string | undefined {
	return state.task?.kind === 'read-source' || state.task?.kind === 'create' ? busyReason(state) : undefined;
}

/** For keys that start or change a draft, or delete: a server policy must be selected and changes allowed. */
export function changeRefusal(state: State): string | undefined {
	const readOnly = readOnlyReason(state);
	if (readOnly) return readOnly;
	if (!selectedRow(state)) return 'no policy is selected';
	return busyReason(state);
}

/** For keys that work on the selected policy's draft. */
export function draftRefusal(state: State): string | undefined {
	const refusal = changeRefusal(state);
	if (refusal) return refusal;
	const row = selectedRow(state);
	return row?.kind === 'server' && !row.draft ? `${row.name} has no draft: m, e or E make one` : undefined;
}

/** For keys that show or save the selected policy: anything readable will do. */
export function viewRefusal(state: State): string | undefined {
	const row = selectedRow(state);
	if (!row) return 'no policy is selected';
	return row.kind === 'file' ? 'this file could not be read as a policy; its problems are in the detail pane' : undefined;
}
