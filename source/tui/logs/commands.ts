import {selectedRow} from '../derive.js';
import type {KeyPress} from '../keys.js';
import type {Command} from '../keymap.js';
import type {State} from '../store.js';
import {following, paused} from './follow.js';
import {logsGeometry} from './layout.js';
import {lineCommand} from './line-commands.js';
import {jumpToMatch, select, stepDown, stepUp} from './moves.js';
import {cursorIndex, rowContext} from './panel-view.js';
import {restarted} from './restart.js';
import {saveFileName, savedLines} from './save-text.js';
import {defaultLogBuffer, type LogsState, type LogTarget, openedLogs} from './state.js';
import {windowOfKey} from './windows.js';

/** What each logs key does to the state. The tail itself follows from the request the state holds. */
export function logsCommand(state: State, command: Command, press: KeyPress, at: number): State {
	if (command === 'logs.open') {
		const row = selectedRow(state);
		return row?.kind === 'server' ? open(state, {kind: 'policy', uid: row.uid, name: row.name}) : state;
	}
	if (command === 'logs.openAll') return open(state, {kind: 'all'});
	const logs = state.logs;
	if (!logs) return state;
	if (command.startsWith('logsLine.')) return lineCommand(state, logs, command, press);
	const context = rowContext(logs, logsGeometry(state));
	const set = (next: LogsState) => ({...state, logs: next});
	switch (command) {
		case 'logs.close': {
			const {logs: _closed, ...rest} = state;
			return rest;
		}
		case 'logs.follow': {
			return set(logs.follow ? paused(logs, context) : following(logs));
		}
		case 'logs.wrap': {
			return set({...logs, wrap: !logs.wrap});
		}
		case 'logs.timestamps': {
			return set({...logs, timestamps: !logs.timestamps});
		}
		case 'logs.fullscreen': {
			return set({...logs, fullscreen: !logs.fullscreen});
		}
		case 'logs.window': {
			const window = windowOfKey(press.name);
			return window === undefined ? state : set(restarted(logs, {...logs.request, window}));
		}
		case 'logs.search': {
			return set({...logs, line: {kind: 'search', text: logs.search?.text ?? '', ...(logs.search ? {before: logs.search} : {})}});
		}
		case 'logs.filter': {
			return set({...logs, line: {kind: 'filter', text: logs.filter?.pattern.text ?? '', ...(logs.filter ? {before: logs.filter} : {})}});
		}
		case 'logs.nextMatch':
		case 'logs.previousMatch': {
			return jumpToMatch(state, command === 'logs.nextMatch' ? 1 : -1);
		}
		case 'logs.expand': {
			const stopped = paused(logs, context);
			const index = cursorIndex(stopped, context);
			const seq = context.list.at(index)?.seq;
			const expanded = stopped.expanded === seq ? undefined : seq;
			const {expanded: _previous, ...rest} = stopped;
			const next: LogsState = expanded === undefined ? rest : {...rest, expanded};
			return set(select(next, index, rowContext(next, logsGeometry(state))));
		}
		case 'logs.save': {
			return set({...logs, save: {name: saveFileName(logs.request.target, at), lines: savedLines(context.list)}});
		}
		case 'logs.down': {
			return set(stepDown(paused(logs, context), context));
		}
		case 'logs.up': {
			return set(stepUp(paused(logs, context), context));
		}
		case 'logs.pageDown':
		case 'logs.pageUp': {
			let next = paused(logs, context);
			for (let step = 1; step < context.height; step++) next = command === 'logs.pageDown' ? stepDown(next, context) : stepUp(next, context);
			return set(next);
		}
		case 'logs.top': {
			const first = context.list.at(0);
			return first ? set({...paused(logs, context), anchor: {seq: first.seq, row: 0}, cursor: first.seq}) : state;
		}
		case 'logs.bottom': {
			return set(following(logs));
		}
		default: {
			return state;
		}
	}
}

function open(state: State, target: LogTarget): State {
	return {...state, logs: openedLogs(target, state.logBuffer ?? defaultLogBuffer)};
}

