import fs from 'node:fs';
import {skipReason} from './proc-files.js';
import {parseStat, type StatLine} from './proc-text.js';

/**
 * Reads `/proc/PID/stat` of every process each cycle, through descriptors
 * kept open from one cycle to the next: opening a procfs file costs more
 * than reading it, and stat is the one file read for every process every
 * time. A descriptor stays tied to its process: once that process is gone,
 * a read fails (ESRCH) even if its pid names another process by now, and
 * the file is opened anew. At most a quarter of the descriptors this
 * process may open (and 4096) are held; the rest are opened each time.
 */
export function statFiles(procRoot = '/proc') {
	const held = new Map<number, number>();
	const limit = holdLimit();
	// A stat line is some 300 bytes; parsing it off this buffer spares a string and a view per process.
	const buffer = Buffer.allocUnsafe(4096);
	const reread = (fd: number) => parseStat(buffer, fs.readSync(fd, buffer, 0, buffer.length, 0));

	/** A process's stat (undefined if it does not parse); throws as a read of /proc does when the process is gone. */
	function read(pid: number): StatLine | undefined {
		const fd = held.get(pid);
		if (fd !== undefined) {
			try {
				return reread(fd);
			} catch (error) {
				release(pid);
				// Gone: the pid that was listed may name a newer process.
				if (skipReason(error) !== 'gone') throw error;
			}
		}
		const opened = fs.openSync(`${procRoot}/${pid}/stat`, 'r');
		if (held.size < limit) {
			held.set(pid, opened);
			return reread(opened);
		}
		try {
			return reread(opened);
		} finally {
			fs.closeSync(opened);
		}
	}

	/** Lets go of the processes not among `alive`. */
	function keepOnly(alive: ReadonlySet<number>): void {
		for (const pid of held.keys()) if (!alive.has(pid)) release(pid);
	}

	function release(pid: number): void {
		const fd = held.get(pid);
		held.delete(pid);
		if (fd !== undefined) fs.closeSync(fd);
	}

	return {read, keepOnly, close: () => keepOnly(new Set())};
}

/** A quarter of the soft limit of open files (`/proc/self/limits`), at most 4096. */
function holdLimit(): number {
	try {
		const soft = Number(/^Max open files\s+(\d+)/m.exec(fs.readFileSync('/proc/self/limits', 'latin1'))?.[1]);
		return Number.isFinite(soft) ? Math.min(4096, Math.floor(soft / 4)) : 256;
	} catch {
		return 256;
	}
}
