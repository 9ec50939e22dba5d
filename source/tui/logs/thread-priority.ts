import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the calling thread's scheduling priority (a higher nice value), for
 * background work that must not take the CPU from the thread that answers
 * keys. Linux sets a nice value per thread, found through /proc/thread-self;
 * elsewhere this changes nothing, and says so.
 */
export function lowerThreadPriority(nice: number): boolean {
	try {
		const threadId = Number(lastSegment(fs.readlinkSync('/proc/thread-self')));
		if (!Number.isInteger(threadId) || threadId <= 0) return false;
		os.setPriority(threadId, Math.max(os.getPriority(threadId), nice));
		return true;
	} catch {
		return false;
	}
}

/** `PID/task/TID` → `TID`. */
function lastSegment(link: string): string {
	return link.slice(link.lastIndexOf('/') + 1);
}
