import fs from 'node:fs';
import {readProcBytes, readProcFile, skipReason} from './proc-files.js';
import {cleanExe, parseEffectiveUid, parseStat, type StatLine} from './proc-text.js';

/** A process as it runs right now, read just before acting on it. */
export type LiveProcess = Omit<StatLine, 'kernelThread'> & {exe?: string; euid?: number};

/**
 * Reads one process now; undefined when it has exited (a zombie has too).
 * Its exe and user are left out when they may not be read, so that a check
 * against them fails rather than guesses.
 */
export function readLiveProcess(pid: number): LiveProcess | undefined {
	const base = `/proc/${pid}`;
	const stat = attempt(() => parseStat(readProcBytes(`${base}/stat`)));
	if (!stat || stat.state === 'Z' || stat.state === 'X') return undefined;
	const {kernelThread: _kernelThread, ...live} = stat;
	return {...live, exe: attempt(() => cleanExe(fs.readlinkSync(`${base}/exe`))), euid: attempt(() => parseEffectiveUid(readProcFile(`${base}/status`)))};
}

/** A pid and its ancestors up to init, as they are now. */
export function lineage(pid: number): number[] {
	const chain: number[] = [];
	for (let current = pid; current > 0 && !chain.includes(current); ) {
		chain.push(current);
		const stat = attempt(() => parseStat(readProcBytes(`/proc/${current}/stat`)));
		if (!stat) break;
		current = stat.ppid;
	}
	return chain;
}

function attempt<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch (error) {
		skipReason(error);
		return undefined;
	}
}
