import fs from 'node:fs';
import {skipReason} from './proc-files.js';
import {socketInode} from './proc-text.js';
import type {ProcessFacts} from './process-table.js';

/** What a process held when its descriptors were last read; its start tells it from a later process with its pid. */
type Held = {startTicks: number; inodes: number[]; denied: boolean};

/** Descriptors are read again every this many cycles, a slice of the processes each cycle. */
const rescanEvery = 30;

/**
 * Which processes hold which sockets: the inodes behind their
 * `/proc/PID/fd` links, the one way to tie a `/proc/net` socket to a process.
 * A link per open file makes it the dearest part of a cycle, so what each
 * process held is kept, and a cycle reads the descriptors of a thirtieth of
 * the processes in turn (a socket handed to another process is found again
 * within thirty cycles) and, only until every listed socket has a known owner,
 * of the processes not read yet (most sockets are new processes'), then
 * of those that held sockets before (a server accepting a connection), then
 * of everyone. A socket nobody turns out to hold (another namespace's, or
 * behind a process we may not read) is not searched for again.
 */
export function socketOwners(procRoot = '/proc') {
	const held = new Map<number, Held>();
	const ownerless = new Set<number>();
	let cycle = 0;

	/** The wanted sockets each process holds, by pid; and how many processes hid their descriptors from us. */
	function resolve(processes: readonly ProcessFacts[], wanted: ReadonlySet<number>): {socketsOf: Map<number, number[]>; denied: number} {
		cycle++;
		const heldBy = (process: ProcessFacts) => {
			const entry = held.get(process.pid);
			return entry?.startTicks === process.startTicks ? entry : undefined;
		};
		const alive = new Set<number>();
		for (const process of processes) alive.add(process.pid);
		for (const pid of held.keys()) if (!alive.has(pid)) held.delete(pid);
		for (const inode of ownerless) if (!wanted.has(inode)) ownerless.delete(inode);

		const scanned = new Set<number>();
		const scan = (process: ProcessFacts) => {
			scanned.add(process.pid);
			const found = readHeld(process);
			if (found) held.set(process.pid, found);
			else held.delete(process.pid);
		};
		for (const process of processes) if (process.pid % rescanEvery === cycle % rescanEvery) scan(process);

		const missing = new Set<number>();
		for (const inode of wanted) if (!ownerless.has(inode)) missing.add(inode);
		for (const process of processes) for (const inode of heldBy(process)?.inodes ?? []) missing.delete(inode);
		const search = (candidates: readonly ProcessFacts[]) => {
			for (const process of candidates) {
				if (missing.size === 0) return;
				if (scanned.has(process.pid)) continue;
				scan(process);
				for (const inode of heldBy(process)?.inodes ?? []) missing.delete(inode);
			}
		};
		if (missing.size > 0) search(processes.filter(process => !heldBy(process)));
		if (missing.size > 0) search(processes.filter(process => (heldBy(process)?.inodes.length ?? 0) > 0));
		if (missing.size > 0) search(processes.filter(process => !heldBy(process)?.denied));
		for (const inode of missing) ownerless.add(inode);

		const socketsOf = new Map<number, number[]>();
		let denied = 0;
		for (const process of processes) {
			const entry = heldBy(process);
			if (entry?.denied) denied++;
			if (!entry || entry.inodes.length === 0) continue;
			const inodes = entry.inodes.filter(inode => wanted.has(inode));
			if (inodes.length > 0) socketsOf.set(process.pid, inodes);
		}
		return {socketsOf, denied};
	}

	/** The socket inodes a process holds; undefined when it exited meanwhile. */
	function readHeld({pid, startTicks}: ProcessFacts): Held | undefined {
		const dir = `${procRoot}/${pid}/fd`;
		let fds: string[];
		try {
			fds = fs.readdirSync(dir);
		} catch (error) {
			const reason = skipReason(error);
			return reason === 'gone' ? undefined : {startTicks, inodes: [], denied: true};
		}
		const inodes: number[] = [];
		for (const fd of fds) {
			try {
				const inode = socketInode(fs.readlinkSync(`${dir}/${fd}`));
				if (inode !== undefined) inodes.push(inode);
			} catch (error) {
				// A descriptor closed between the listing and the link: nothing to see.
				skipReason(error);
			}
		}
		return {startTicks, inodes, denied: false};
	}

	return {resolve};
}
