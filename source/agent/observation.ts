import {type SocketIndex, socketIndex} from './connections.js';
import {buildFingerprint, type ObservedFingerprint} from './fingerprint.js';
import {type HostSnapshot, hostReader} from './host-snapshot.js';
import {readHost} from './host.js';
import type {NetSocket} from './net-table.js';
import {groupWorkloads, type ObservedWorkload} from './workloads.js';

/** One look at the host: a fingerprint per workload, by workload key, and what could not be seen. */
export type Observation = {fingerprints: Map<string, ObservedFingerprint>; skipped: HostSnapshot['skipped']};

/**
 * Looks at this machine through `/proc` (Linux only): processes and sockets
 * in, fingerprints out. Most workloads are as they were a second ago, so a
 * workload whose processes and sockets are the same keeps its fingerprint,
 * with the same spec object (the change tracker knows it by that), and only
 * a new latestTimestamp. `close` lets go of the files it keeps open.
 */
export function hostObservation() {
	const host = readHost();
	const reader = hostReader();
	let previous = {sockets: socketIndex([]), workloads: new Map<string, {workload: ObservedWorkload; fingerprint: ObservedFingerprint}>()};

	/** `now`: epoch seconds, the fingerprints' latestTimestamp. */
	function observe(now: number): Observation {
		const snapshot = reader.take();
		const sockets = socketIndex(snapshot.sockets);
		const workloads = new Map<string, {workload: ObservedWorkload; fingerprint: ObservedFingerprint}>();
		const fingerprints = new Map<string, ObservedFingerprint>();
		for (const workload of groupWorkloads(snapshot.processes)) {
			const known = previous.workloads.get(workload.key);
			const fingerprint =
				known && sameInputs(known.workload, previous.sockets, workload, sockets)
					? {...known.fingerprint, metadata: {...known.fingerprint.metadata, latestTimestamp: now}}
					: buildFingerprint(workload, sockets, host, now);
			workloads.set(workload.key, {workload, fingerprint});
			fingerprints.set(workload.key, fingerprint);
		}
		previous = {sockets, workloads};
		return {fingerprints, skipped: snapshot.skipped};
	}

	return {observe, close: reader.close};
}

/**
 * Is a workload built from what it was built from before: the same
 * processes, in the same order (that of /proc), holding the same sockets,
 * in the same states and between the same ends? Compared field by field: a
 * cycle should not allocate for the workloads that stood still.
 */
function sameInputs(before: ObservedWorkload, beforeSockets: SocketIndex, now: ObservedWorkload, nowSockets: SocketIndex): boolean {
	if (before.processes.length !== now.processes.length) return false;
	return now.processes.every((process, index) => {
		const old = before.processes[index]!;
		const same =
			old.pid === process.pid &&
			old.ppid === process.ppid &&
			old.pgid === process.pgid &&
			old.startTicks === process.startTicks &&
			old.name === process.name &&
			old.exe === process.exe &&
			old.euser === process.euser &&
			old.sockets.length === process.sockets.length;
		return same && process.sockets.every((inode, at) => old.sockets[at] === inode && sameSocket(beforeSockets.byInode.get(inode), nowSockets.byInode.get(inode)));
	});
}

function sameSocket(before: NetSocket | undefined, now: NetSocket | undefined): boolean {
	if (!before || !now) return before === now;
	return before.state === now.state && before.localAddress === now.localAddress && before.localPort === now.localPort && before.remoteAddress === now.remoteAddress && before.remotePort === now.remotePort;
}
