import {flash, type State} from '../store.js';
import {withArrivals} from './arrivals.js';
import {restarted} from './restart.js';
import type {LogsAction, LogsState} from './state.js';

/** What answers from the tail and from saving do to the panel. An answer for a request the panel no longer has is dropped. */
export function logsResult(state: State, action: LogsAction): State {
	const logs = state.logs;
	if (!logs) return state;
	switch (action.kind) {
		case 'found': {
			if (action.request !== logs.request) return state;
			return {...state, logs: restarted(logs, {...logs.request, target: {kind: 'policy', uid: action.uid, name: action.name}})};
		}
		case 'read': {
			if (action.request !== logs.request) return state;
			const next = readInto(logs, action);
			return next === logs ? state : {...state, logs: next};
		}
		case 'stopped': {
			if (action.request !== logs.request) return state;
			const {retry: _retry, ...rest} = logs;
			return flash({...state, logs: {...rest, phase: 'stopped', error: action.message}}, 'error', `the log tail stopped: ${action.message}`);
		}
		case 'saved': {
			if (action.save !== logs.save) return state;
			const {save: _done, ...rest} = logs;
			const count = action.save.lines.length;
			return flash({...state, logs: rest}, 'info', `saved ${count.toLocaleString('en')} event${count === 1 ? '' : 's'} to ${action.file}`);
		}
		case 'save-failed': {
			if (action.save !== logs.save) return state;
			const {save: _done, ...rest} = logs;
			return flash({...state, logs: rest}, 'error', `could not save the events: ${action.message}`);
		}
	}
}

/** Events, and how the reads went: a read that worked means the window is read and the API is back; a failure after it is shown. */
function readInto(logs: LogsState, action: Extract<LogsAction, {kind: 'read'}>): LogsState {
	let next = withArrivals(logs, action.batches);
	if (action.read && (next.phase !== 'live' || next.retry)) {
		const {retry: _recovered, ...rest} = next;
		next = {...rest, phase: 'live'};
	}
	if (action.retry && (action.retry.failures !== next.retry?.failures || action.retry.message !== next.retry.message)) next = {...next, retry: action.retry};
	return next;
}
