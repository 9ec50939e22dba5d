import {openedLogs, type LogsState} from './state.js';

/** How the app sets up its logs panel: `spytui tail` opens it on the first frame, `--log-buffer` sizes it. */
export type LogsStart = {
	/** Open on the first frame: one policy (a name or uid, looked up once connected) or, without one, every policy. */
	open?: {policy?: string};
	/** Events the panel keeps; the oldest make room. */
	buffer?: number;
	/** How often the tail asks for new events. */
	pollMs?: number;
};

/** A TUI should show an event within a second of it being stored; spyctl's 2.5 s is for a terminal that only prints. */
export const logsPollMs = 500;

export function initialLogs(start: LogsStart | undefined): {logs?: LogsState; logBuffer?: number} {
	const buffer = start?.buffer;
	const open = start?.open;
	const logs = open ? openedLogs(open.policy === undefined ? {kind: 'all'} : {kind: 'lookup', query: open.policy}, buffer) : undefined;
	return {...(logs ? {logs} : {}), ...(buffer === undefined ? {} : {logBuffer: buffer})};
}
