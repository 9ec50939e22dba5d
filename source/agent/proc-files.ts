import fs from 'node:fs';

const buffer = Buffer.allocUnsafe(16 * 1024);

/**
 * A small `/proc` file (status, cgroup, one process's stat) in one open, read and close,
 * as bytes: a view of a buffer shared by every read, good until the next.
 * readFileSync also stats the file and reads again to find its end, which
 * costs as much as the read: at 500 processes a cycle that adds up. These
 * files are made whole on open, so one read larger than the file returns all
 * of it; a file that fills the buffer is read again the long way.
 */
export function readProcBytes(path: string): Buffer {
	const fd = fs.openSync(path, 'r');
	let length: number;
	try {
		length = fs.readSync(fd, buffer, 0, buffer.length, null);
	} finally {
		fs.closeSync(fd);
	}
	return length < buffer.length ? buffer.subarray(0, length) : fs.readFileSync(path);
}

/** The same, as text. */
export function readProcFile(path: string): string {
	return readProcBytes(path).toString('latin1');
}

/** Why a process was left out of a cycle, or part of it (its open sockets). */
export type SkipReason = 'gone' | 'denied' | 'unreadable';

/**
 * Why a `/proc` read failed: `gone` when the process exited under us,
 * `denied` when it belongs to someone else and we are not root, `unreadable`
 * for the rest of the file system's errors. Other errors are bugs and go on.
 */
export function skipReason(error: unknown): SkipReason {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (typeof code !== 'string') throw error;
	if (code === 'ENOENT' || code === 'ESRCH') return 'gone';
	if (code === 'EACCES' || code === 'EPERM') return 'denied';
	return 'unreadable';
}
