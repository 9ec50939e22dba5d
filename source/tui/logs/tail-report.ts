import type {TailEvent} from './entry.js';

/** What the tail has to say since the panel last heard from it: new events, whether a read worked, and the latest failure after it. */
export type TailReport = {events: TailEvent[]; read: boolean; retry?: {failures: number; message: string}};

export function mergeReports(pending: TailReport | undefined, next: TailReport): TailReport {
	if (!pending) return next;
	const events = next.events.length === 0 ? pending.events : pending.events.length === 0 ? next.events : [...pending.events, ...next.events];
	// A read that worked clears a failure before it; a failure after a read still shows.
	const retry = next.retry ?? (next.read ? undefined : pending.retry);
	return {events, read: pending.read || next.read, ...(retry ? {retry} : {})};
}
