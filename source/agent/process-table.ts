import fs from 'node:fs';
import {type Placement, placementOf} from './cgroup.js';
import {readProcFile, type SkipReason, skipReason} from './proc-files.js';
import {statFiles} from './stat-files.js';
import {cleanExe, exeFromCmdline, parseEffectiveUid, type StatLine} from './proc-text.js';

/** A running process as the observer knows it. */
export type ProcessFacts = Omit<StatLine, 'state' | 'kernelThread'> & {exe: string; euid: number; placement: Placement};

/** What one read of the table could not see, by reason. */
export type TableSkips = {
	/** Processes that exited while they were being read. */
	gone: number;
	/** Processes whose executable is hidden from us (another user's, without root): their exe is a guess. */
	exeHidden: number;
	/** Processes left out for another error of the file system. */
	unreadable: number;
};

/** What is kept about a process is read again every this many cycles, a slice of the processes each cycle. */
export const refreshEvery = 10;

type Details = Pick<ProcessFacts, 'startTicks' | 'name' | 'exe' | 'euid' | 'placement'> & {exeHidden: boolean};

/**
 * The processes of `/proc`, without kernel threads and zombies. stat is read
 * every time: it says who is alive, their parents and groups, and by the
 * start time whether a pid is still the same process. The rest (exe, user,
 * cgroup) costs three more reads per process, so it is kept while the
 * process runs under the same name, and read again for a tenth of the
 * processes each time: a process that drops privileges or is moved to
 * another cgroup without exec'ing is seen within ten cycles.
 */
export function processTable(procRoot = '/proc') {
	const stats = statFiles(procRoot);
	const details = new Map<number, Details>();
	let cycle = 0;

	function read(): {processes: ProcessFacts[]; skipped: TableSkips} {
		cycle++;
		const skipped: TableSkips = {gone: 0, exeHidden: 0, unreadable: 0};
		const processes: ProcessFacts[] = [];
		const listed = new Set<number>();
		const alive = new Set<number>();
		for (const entry of fs.readdirSync(procRoot)) {
			const first = entry.charCodeAt(0);
			if (first < 48 || first > 57) continue;
			try {
				listed.add(Number(entry));
				const stat = stats.read(Number(entry));
				if (!stat || stat.kernelThread || stat.state === 'Z' || stat.state === 'X') continue;
				alive.add(stat.pid);
				const known = details.get(stat.pid);
				const fresh = known && known.startTicks === stat.startTicks && known.name === stat.name && stat.pid % refreshEvery !== cycle % refreshEvery ? known : readDetails(stat);
				details.set(stat.pid, fresh);
				if (fresh.exeHidden) skipped.exeHidden++;
				processes.push({pid: stat.pid, ppid: stat.ppid, pgid: stat.pgid, name: stat.name, startTicks: stat.startTicks, exe: fresh.exe, euid: fresh.euid, placement: fresh.placement});
			} catch (error) {
				skipped[tally(skipReason(error))]++;
			}
		}
		for (const pid of details.keys()) if (!alive.has(pid)) details.delete(pid);
		stats.keepOnly(listed);
		return {processes, skipped};
	}

	function readDetails(stat: StatLine): Details {
		const base = `${procRoot}/${stat.pid}`;
		const euid = parseEffectiveUid(readProcFile(`${base}/status`));
		if (euid === undefined) throw Object.assign(new Error(`no Uid line in ${base}/status`), {code: 'EINVAL'});
		const placement = placementOf(readProcFile(`${base}/cgroup`));
		let exe: string | undefined;
		let exeHidden = false;
		try {
			exe = cleanExe(fs.readlinkSync(`${base}/exe`));
		} catch (error) {
			if (skipReason(error) !== 'denied') throw error;
			exeHidden = true;
			exe = exeFromCmdline(readProcFile(`${base}/cmdline`));
		}
		return {startTicks: stat.startTicks, name: stat.name, exe: exe ?? stat.name, euid, placement, exeHidden};
	}

	return {read, close: stats.close};
}

/** A process denied to us as a whole is as good as unreadable: stat and status are open to everyone. */
function tally(reason: SkipReason): keyof TableSkips {
	return reason === 'gone' ? 'gone' : 'unreadable';
}
