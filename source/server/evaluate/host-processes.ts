import {isRecord} from '../../policy/is-record.js';

/**
 * A process running on the observed host, behind one node of a
 * fingerprint's process tree: what an agent action needs to find it (pid,
 * its parent for a tree, its group), and its start (clock ticks after boot)
 * to be sure the pid still names the same process when it acts.
 */
export type HostProcess = {id: string; pid: number; ppid: number; pgid: number; startTicks: number};

/**
 * `metadata.hostProcesses`: spytui's observer lists the processes behind a
 * fingerprint there (spyctl's fingerprints have no such thing, and metadata
 * takes any key, so they stay valid both ways). Entries that do not have
 * the shape are left out rather than acted on.
 */
export function hostProcessesOf(metadata: Record<string, unknown>): HostProcess[] | undefined {
	const listed = metadata['hostProcesses'];
	if (!Array.isArray(listed)) return undefined;
	return listed.filter((entry): entry is HostProcess => {
		if (!isRecord(entry) || typeof entry['id'] !== 'string') return false;
		return [entry['pid'], entry['ppid'], entry['pgid'], entry['startTicks']].every(value => Number.isSafeInteger(value) && (value as number) >= 0) && (entry['pid'] as number) > 0;
	});
}
