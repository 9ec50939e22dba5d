import {mergeProcessEntries} from '../../policy/merge/process-merge.js';
import {buildTree} from '../../policy/merge/process-tree.js';
import type {ActionName} from '../../policy/schema/response.js';
import type {Activity} from './activity.js';
import type {HostProcess} from './host-processes.js';
import {indexProcesses, type IndexedProcess} from './process-index.js';

export const killActions = ['agentKillProcess', 'agentKillProcessGroup', 'agentKillProcessTree'] as const;
export type KillAction = (typeof killActions)[number];

export function isKillAction(name: ActionName): name is KillAction {
	return (killActions as readonly string[]).includes(name);
}

/** A process a kill action would end, named as its node is; `picked` when it is one the action's selectors chose, not a member of its group or tree. */
export type KillVictim = HostProcess & {name: string; exe: string; picked: boolean};

/** The host processes behind a fingerprint, for the agent actions of one policy's deviations. */
export type HostAgent = {
	/** The machine the fingerprint says they run on. */
	hostname?: string;
	victimsOf: (action: KillAction, target: IndexedProcess) => KillVictim[];
};

/**
 * Ties a deviation's processes to the host's pids. A deviation names the
 * nodes of the tree the merge made, whose ids may differ from the
 * fingerprint's (a new node takes a free id), so the fingerprint's tree is
 * merged into the policy's once more (as addedConnections does) to learn
 * which of its nodes became which; then each of those nodes' pids. Worked
 * out only when a kill is planned.
 */
export function hostAgent(processes: readonly HostProcess[], hostname: string | undefined, activity: Activity, baseline: () => Activity): HostAgent {
	let sourcesOf: Map<string, string[]> | undefined;
	const nodes = indexProcesses(activity.processPolicy);
	const pickedBy = (target: IndexedProcess): HostProcess[] => {
		if (!sourcesOf) {
			sourcesOf = new Map();
			for (const [own, merged] of mergeProcessEntries(buildTree(baseline().processPolicy), activity.processPolicy, 'asymmetric')) sourcesOf.set(merged, [...(sourcesOf.get(merged) ?? []), own]);
		}
		const ids = new Set(sourcesOf.get(target.id) ?? []);
		return processes.filter(process => ids.has(process.id));
	};
	const named = (process: HostProcess, picked: boolean): KillVictim => {
		const node = nodes.get(process.id);
		return {...process, name: node?.name ?? 'unknown', exe: node?.exe[0] ?? 'unknown', picked};
	};
	return {
		hostname,
		victimsOf: (action, target) => {
			const picked = pickedBy(target);
			const chosen = new Set(picked.map(process => process.pid));
			return [...picked.map(process => named(process, true)), ...membersOf(action, picked, processes).filter(process => !chosen.has(process.pid)).map(process => named(process, false))];
		},
	};
}

/**
 * What else a kill takes with the picked processes: the other processes of
 * their groups, or their descendants, as far as the fingerprint lists them.
 * Members are killed one by one rather than by `kill(-pgid)`, so that a
 * group that reaches outside the workload is not killed outside it.
 */
function membersOf(action: KillAction, picked: readonly HostProcess[], all: readonly HostProcess[]): HostProcess[] {
	if (action === 'agentKillProcessGroup') {
		const groups = new Set(picked.map(process => process.pgid));
		return all.filter(process => groups.has(process.pgid));
	}
	if (action === 'agentKillProcessTree') {
		const tree = new Set(picked.map(process => process.pid));
		// Parents before children in the list is not guaranteed: grow the tree until it stops growing.
		for (let grew = true; grew; ) {
			grew = false;
			for (const process of all) {
				if (!tree.has(process.pid) && tree.has(process.ppid)) {
					tree.add(process.pid);
					grew = true;
				}
			}
		}
		return all.filter(process => tree.has(process.pid));
	}
	return [];
}
