import {selectedRow} from '../derive.js';
import type {State} from '../store.js';
import {visibleList} from './visible.js';

/*
 * Why a logs key cannot act now. The keymap says these when such a key is
 * pressed, and the hint bar leaves the key out.
 */

/** `L`: the logs come from the API. */
export function logsRefusal(state: State): string | undefined {
	if (state.origin.kind === 'folder') return 'the logs come from the API, and the folder view (--dir) has none: run spytui without --dir';
	if (!state.connection.backend) return state.connection.phase === 'connecting' ? 'spytui is still connecting to the API' : 'not connected to the API (r tries again)';
	return undefined;
}

/** `l`: the selected policy's logs. */
export function policyLogsRefusal(state: State): string | undefined {
	return logsRefusal(state) ?? (selectedRow(state)?.kind === 'server' ? undefined : 'no policy is selected');
}

/** Keys that move among the events or act on one. */
export function noEvents(state: State): string | undefined {
	const logs = state.logs;
	if (!logs) return undefined;
	return visibleList(logs.ring, logs.filter).length > 0 ? undefined : logs.filter ? 'no event matches the filter' : 'there are no events yet';
}

/** n and N go from match to match of a search. */
export function matchRefusal(state: State): string | undefined {
	return state.logs?.search ? noEvents(state) : 'search first: press / and type a regular expression';
}

export function saveRefusal(state: State): string | undefined {
	if (state.logs?.save) return `wait until spytui has written ${state.logs.save.name}`;
	return noEvents(state) === undefined ? undefined : 'there are no events to save';
}
