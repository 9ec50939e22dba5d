import type {TailBatch} from './entry.js';

/** What the tail has to say since the panel last heard from it: new events, whether a read worked, and the latest failure after it. */
export type TailReport = {batches: TailBatch[]; read: boolean; retry?: {failures: number; message: string}};

export function mergeReports(pending: TailReport | undefined, next: TailReport): TailReport {
	if (!pending) return next;
	const batches = next.batches.length === 0 ? pending.batches : pending.batches.length === 0 ? next.batches : [...pending.batches, ...next.batches];
	// A read that worked clears a failure before it; a failure after a read still shows.
	const retry = next.retry ?? (next.read ? undefined : pending.retry);
	return {batches, read: pending.read || next.read, ...(retry ? {retry} : {})};
}
