import type {LogEntry} from './entry.js';
import {emptyRing} from './ring.js';
import type {LogsState} from './state.js';
import {applyFilter} from './visible.js';

/** Reads again from the start of another window (or once a name is found): a new request, an empty ring, the filter and toggles kept. */
export function restarted(logs: LogsState, request: LogsState['request']): LogsState {
	const {held: _held, anchor: _anchor, cursor: _cursor, expanded: _expanded, retry: _retry, error: _error, ...rest} = logs;
	const ring = emptyRing<LogEntry>(logs.ring.capacity);
	const phase = request.target.kind === 'lookup' ? 'looking-up' : 'reading';
	return {...rest, request, ring, follow: true, phase, ...(logs.filter ? {filter: applyFilter(logs.filter.pattern, ring)} : {})};
}
