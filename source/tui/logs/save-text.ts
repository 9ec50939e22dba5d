import type {LogEntry} from './entry.js';
import type {LogTarget} from './state.js';
import type {VisibleList} from './visible.js';

/** One saved line: the full time, policy, type, severity and the whole message, as a log file reads. */
export function savedLine(entry: LogEntry): string {
	const time = Number.isFinite(entry.time) ? `${new Date(entry.time * 1000).toISOString().slice(0, 19)}Z` : 'N/A';
	return `${time} ${entry.policyName} ${entry.kind} ${entry.severity} ${entry.message}`;
}

export function savedLines(list: VisibleList): string[] {
	const lines: string[] = [];
	for (let index = 0; index < list.length; index++) lines.push(savedLine(list.at(index)!));
	return lines;
}

/** `web-frontend-20261127-101530.log`: the policy (or all-policies) and the time of the save, in UTC. */
export function saveFileName(target: LogTarget, at: number): string {
	const subject = target.kind === 'all' ? 'all-policies' : target.kind === 'policy' ? target.name : target.query;
	const base = subject.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '') || 'policy';
	const stamp = new Date(at * 1000).toISOString().slice(0, 19).replace(/-/g, '').replace('T', '-').replace(/:/g, '');
	return `${base}-${stamp}.log`;
}
