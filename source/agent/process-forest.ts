import type {ProcessNode} from '../policy/merge/types.js';
import type {HostProcess} from '../server/evaluate/host-processes.js';
import type {Port} from './connections.js';
import type {ObservedProcess} from './host-snapshot.js';

/** A workload's processes as a fingerprint's tree, and which node each process became. */
export type Forest = {roots: ProcessNode[]; nodeOf: Map<number, string>; hostProcesses: HostProcess[]};

type Draft = {name: string; exe: string; members: ObservedProcess[]; children: Draft[]};

/**
 * The process tree of a workload, as spyctl's fingerprints draw it: a
 * process whose parent is outside the workload is a root; siblings that run
 * the same program under the same name are one node (ten nginx workers are
 * one `nginx`), holding all their users, listening ports and children.
 * Siblings are ordered by name and exe and ids numbered `<name>_<n>` parents
 * first, as spyctl numbers them, so the same processes give the same tree
 * each cycle. A child's `euser` is left out when it equals its parent's.
 */
export function processForest(processes: readonly ObservedProcess[], listeningOf: (process: ObservedProcess) => readonly Port[]): Forest {
	const inWorkload = new Set(processes.map(process => process.pid));
	const childrenOf = new Map<number, ObservedProcess[]>();
	const roots: ObservedProcess[] = [];
	for (const process of processes) {
		if (!inWorkload.has(process.ppid) || process.ppid === process.pid) {
			roots.push(process);
			continue;
		}
		const siblings = childrenOf.get(process.ppid) ?? [];
		siblings.push(process);
		childrenOf.set(process.ppid, siblings);
	}

	const draftsOf = (members: readonly ObservedProcess[]): Draft[] => {
		const byProgram = new Map<string, Draft>();
		for (const process of members) {
			const key = `${process.name}\u0000${process.exe}`;
			const draft = byProgram.get(key) ?? {name: process.name, exe: process.exe, members: [], children: []};
			byProgram.set(key, draft);
			draft.members.push(process);
		}
		const drafts = [...byProgram.values()].sort((left, right) => compare(left.name, right.name) || compare(left.exe, right.exe));
		for (const draft of drafts) draft.children = draftsOf(draft.members.flatMap(member => childrenOf.get(member.pid) ?? []));
		return drafts;
	};

	const used = new Map<string, number>();
	const nodeOf = new Map<number, string>();
	const hostProcesses: HostProcess[] = [];
	const toNode = (draft: Draft, parentUsers: readonly string[] | undefined): ProcessNode => {
		const count = used.get(draft.name) ?? 0;
		used.set(draft.name, count + 1);
		const id = `${draft.name}_${count}`;
		const users = [...new Set(draft.members.map(member => member.euser))].sort(compare);
		const ports = new Map<string, Port>();
		for (const member of draft.members) {
			nodeOf.set(member.pid, id);
			hostProcesses.push({id, pid: member.pid, ppid: member.ppid, pgid: member.pgid, startTicks: member.startTicks});
			for (const port of listeningOf(member)) ports.set(`${port.protocol} ${port.port}`, port);
		}
		const node: ProcessNode = {name: draft.name, exe: [draft.exe], id};
		if (!parentUsers || !sameList(users, parentUsers)) node.euser = users;
		if (ports.size > 0) node.listeningSockets = [...ports.values()].sort((left, right) => left.port - right.port || compare(left.protocol, right.protocol));
		const children = draft.children.map(child => toNode(child, users));
		if (children.length > 0) node.children = children;
		return node;
	};

	const forest = draftsOf(roots).map(draft => toNode(draft, undefined));
	hostProcesses.sort((left, right) => left.pid - right.pid);
	return {roots: forest, nodeOf, hostProcesses};
}

function compare(left: string, right: string): number {
	return left < right ? -1 : left > right ? 1 : 0;
}

function sameList(left: readonly string[], right: readonly string[]): boolean {
	return left.length === right.length && left.every((value, index) => value === right[index]);
}
