/** What `/proc/PID/stat` tells about a process. */
export type StatLine = {
	pid: number;
	/** The kernel's process name (`comm`): the executable's file name, cut to 15 characters. */
	name: string;
	/** `R`, `S`, `Z`…: a zombie has exited and holds nothing but its pid. */
	state: string;
	ppid: number;
	pgid: number;
	/** Clock ticks after boot. With the pid it names one process: a pid is reused, never at the same tick. */
	startTicks: number;
	kernelThread: boolean;
};

const kernelThreadFlag = 0x0020_0000;

/**
 * Parses `/proc/PID/stat`, as bytes: it is read for every process every
 * cycle, and numbers read off the bytes spare a string per field. The name
 * sits between the first `(` and the last `)`, because it may hold spaces
 * and parentheses itself; the fields after it are counted from there
 * (proc(5): state is field 3, ppid 4, pgrp 5, flags 9, starttime 22).
 */
export function parseStat(bytes: Buffer, length = bytes.length): StatLine | undefined {
	const open = bytes.indexOf(0x28);
	const close = bytes.lastIndexOf(0x29, length - 1);
	if (open < 1 || open >= length || close < open) return undefined;
	const pid = integer(bytes, 0, open - 1);
	let ppid = Number.NaN;
	let pgid = Number.NaN;
	let flags = Number.NaN;
	let startTicks = Number.NaN;
	// Fields after the state, by their place after the name: ppid 1, pgrp 2, flags 6, starttime 19.
	for (let start = close + 4, field = 1; field <= 19 && start < length; field++) {
		let end = bytes.indexOf(0x20, start);
		if (end < 0 || end > length) end = length;
		if (field === 1) ppid = integer(bytes, start, end);
		else if (field === 2) pgid = integer(bytes, start, end);
		else if (field === 6) flags = integer(bytes, start, end);
		else if (field === 19) startTicks = integer(bytes, start, end);
		start = end + 1;
	}
	if (![pid, ppid, pgid, flags, startTicks].every(value => Number.isInteger(value))) return undefined;
	return {pid, name: bytes.toString('latin1', open + 1, close), state: String.fromCharCode(bytes[close + 2] ?? 0x3f), ppid, pgid, startTicks, kernelThread: (flags & kernelThreadFlag) !== 0};
}

/** The decimal integer in bytes[start, end); NaN when there is none. */
function integer(bytes: Buffer, start: number, end: number): number {
	let value = 0;
	let index = start;
	const negative = bytes[index] === 0x2d;
	if (negative) index++;
	if (index >= end) return Number.NaN;
	for (; index < end; index++) {
		const digit = bytes[index]! - 0x30;
		if (digit < 0 || digit > 9) return Number.NaN;
		value = value * 10 + digit;
	}
	return negative ? -value : value;
}

/** The effective uid of `/proc/PID/status` (`Uid:` lists real, effective, saved, filesystem). */
export function parseEffectiveUid(text: string): number | undefined {
	const match = /^Uid:\s+\d+\s+(\d+)/m.exec(text);
	return match ? Number(match[1]) : undefined;
}

/**
 * The program a process runs when `/proc/PID/exe` cannot be read (another
 * user's process, without root): the first word of `/proc/PID/cmdline`, if
 * it is a path. Many programs rewrite their command line, so anything else
 * is no better than the name.
 */
export function exeFromCmdline(text: string): string | undefined {
	const first = text.split('\0', 1)[0] ?? '';
	return first.startsWith('/') ? first : undefined;
}

/** `/proc/PID/exe` of a program replaced on disk since it started ends in ` (deleted)`; the path is still what it runs. */
export function cleanExe(link: string): string {
	return link.endsWith(' (deleted)') ? link.slice(0, -' (deleted)'.length) : link;
}

/** The inode of `socket:[12345]`, the target of a `/proc/PID/fd/N` link that is a socket. */
export function socketInode(link: string): number | undefined {
	if (!link.startsWith('socket:[')) return undefined;
	const inode = Number(link.slice(8, -1));
	return Number.isInteger(inode) && inode > 0 ? inode : undefined;
}

/** When the machine booted (epoch seconds): `btime` of `/proc/stat`. */
export function parseBootTime(text: string): number | undefined {
	const match = /^btime\s+(\d+)/m.exec(text);
	return match ? Number(match[1]) : undefined;
}

/**
 * Clock ticks per second of `/proc` times. Linux fixes it at 100 for user
 * space (USER_HZ) whatever the kernel's own tick, and Node cannot ask sysconf.
 */
export const ticksPerSecond = 100;
