import type {KeyPress} from '../keys.js';
import type {Command} from '../keymap.js';
import {flash, type State} from '../store.js';
import {logsGeometry} from './layout.js';
import {select} from './moves.js';
import {cursorIndex, rowContext} from './panel-view.js';
import {compilePattern, type Pattern} from './pattern.js';
import {entryText} from './entry.js';
import {paused} from './follow.js';
import {ringItems} from './ring.js';
import {findMatch} from './search-moves.js';
import type {LogsState} from './state.js';
import {type AppliedFilter, applyFilter} from './visible.js';

/** The `&` and `/` line: each change applies at once, so the lines narrow (or light up) as the text is typed. */
export function lineCommand(state: State, logs: LogsState, command: Command, press: KeyPress): State {
	const line = logs.line;
	if (!line) return state;
	switch (command) {
		case 'logsLine.type': {
			return {...state, logs: withText(logs, line.text + (press.text ?? ''))};
		}
		case 'logsLine.erase': {
			return {...state, logs: withText(logs, [...line.text].slice(0, -1).join(''))};
		}
		case 'logsLine.clear': {
			return {...state, logs: withText(logs, '')};
		}
		case 'logsLine.cancel': {
			const {line: _closed, ...rest} = logs;
			if (line.kind === 'filter') return {...state, logs: withFilter(rest, line.before?.pattern)};
			const {search: _typed, ...withoutSearch} = rest;
			return {...state, logs: line.before ? {...withoutSearch, search: line.before} : withoutSearch};
		}
		case 'logsLine.accept': {
			const {line: _closed, ...rest} = logs;
			const next = {...state, logs: rest};
			return line.kind === 'search' && rest.search ? firstMatch(next, rest, rest.search) : next;
		}
		default: {
			return state;
		}
	}
}

function withText(logs: LogsState, text: string): LogsState {
	const line = {...logs.line!, text};
	if (line.kind === 'filter') return {...withFilter(logs, text === '' ? undefined : compilePattern(text, {invertible: true})), line};
	const {search: _old, ...rest} = logs;
	return text === '' ? {...rest, line} : {...rest, line, search: compilePattern(text, {invertible: false})};
}

/** The filter applied to the ring, and to the count of held events, which it decides too. */
function withFilter(logs: LogsState, pattern: Pattern | undefined): LogsState {
	const {filter: _old, ...rest} = logs;
	const filter: AppliedFilter | undefined = pattern ? applyFilter(pattern, logs.ring) : undefined;
	const held = logs.held ? {ring: logs.held.ring, matching: pattern ? ringItems(logs.held.ring).filter(entry => pattern.test(entryText(entry))).length : logs.held.ring.length} : undefined;
	return {...rest, ...(filter ? {filter} : {}), ...(held ? {held} : {})};
}

/** Enter on a search goes to the nearest match: at or after the selected line, or the newest one while following. */
function firstMatch(state: State, logs: LogsState, search: Pattern): State {
	const context = rowContext(logs, logsGeometry(state));
	const from = logs.follow ? 0 : cursorIndex(logs, context);
	const found = findMatch(context.list, search, logs.follow ? from : from - 1, logs.follow ? -1 : 1);
	if (!found) return flash(state, 'warn', `no line matches /${search.text}/`);
	return {...state, logs: select(paused(logs, context), found.index, context)};
}
