import type {ServerPolicy} from '../../api/policy-records.js';
import {filteredRows} from '../derive.js';
import {type Action, flash, requestLoad, type State, type Task} from '../store.js';
import {createDialogOf, withFlow, withSource} from './commands.js';

type CreateResult = Extract<Action, {type: 'fingerprints-fetched' | 'source-read' | 'created'}>;

/** The answers of the create dialog's tasks; the task is already off the state. */
export function createResult(state: State, action: CreateResult): State {
	const flow = createDialogOf(state)?.flow;
	switch (action.type) {
		case 'fingerprints-fetched': {
			return flow ? withFlow(state, {...flow, listing: {workloads: action.workloads, at: action.at}}) : state;
		}
		case 'source-read': {
			// Esc waits for the read, so the path step that asked is still shown.
			if (!flow) return state;
			return 'problems' in action.read ? withFlow(state, {...flow, problems: action.read.problems}) : withSource(state, flow, action.read.source);
		}
		case 'created': {
			const {dialog: _closed, ...rest} = state;
			return selectNew(requestLoad(rest), action.policy, action.message);
		}
	}
}

/**
 * The new policy goes into the list at once, selected, ahead of the refresh
 * that brings the server's copy; a filter that would hide it is cleared.
 */
function selectNew(state: State, policy: ServerPolicy, message: string): State {
	// Without a first listing there is nothing to put it in; the refresh lists it.
	if (!state.listing) return flash(state, 'info', message);
	const policies = [...state.listing.policies.filter(listed => listed.uid !== policy.uid), policy];
	const listed: State = {...state, listing: {...state.listing, policies}, focus: 'list', list: {...state.list, selectedId: policy.uid}};
	if (filteredRows(listed).some(row => row.id === policy.uid)) return flash(listed, 'info', message);
	const {typeFilter: _shown, ...unfiltered} = listed;
	return flash({...unfiltered, filter: {text: '', editing: false}}, 'info', `${message}; the filter is cleared to show it`);
}

/** A create task that failed: the dialog keeps what it had and says why in the step that asked (esc waits for reads and creates). */
export function createFailed(state: State, task: Extract<Task, {kind: 'fingerprints' | 'read-source' | 'create'}>, message: string): State {
	const flow = createDialogOf(state)?.flow;
	switch (task.kind) {
		case 'fingerprints': {
			return flow ? withFlow(state, {...flow, listing: {error: message}}) : state;
		}
		case 'read-source': {
			return flow ? withFlow(state, {...flow, problems: [message]}) : state;
		}
		case 'create': {
			return flow ? withFlow(state, {...flow, error: message}) : state;
		}
	}
}
