import type {ObservedProcess} from './host-snapshot.js';

/** Processes that make one workload, and what names it. */
export type ObservedWorkload = {
	/** The same workload from one cycle to the next: `container:ID`, `service:CGROUP` or `tree:NAME`. */
	key: string;
	type: 'container' | 'linux-service';
	containerId?: string;
	/** A system service's cgroup, `systemd:/system.slice/NAME.service`. */
	cgroup?: string;
	/** A process tree's service name: the name of its root. */
	serviceName?: string;
	processes: ObservedProcess[];
};

/**
 * Groups processes into workloads (the README states the rule): a container
 * by the container id of its cgroup; a system service by its systemd cgroup;
 * any other process belongs to the tree of its highest ancestor that is
 * neither init nor in a container or service, and the trees are services
 * named after their roots, so that trees with the same root name (two
 * shells, say) are one service. Init itself is left out: everything else
 * is its child.
 */
export function groupWorkloads(processes: readonly ObservedProcess[], initPid = 1): ObservedWorkload[] {
	const byPid = new Map(processes.map(process => [process.pid, process]));
	const rootOf = new Map<number, ObservedProcess>();
	const treeRoot = (process: ObservedProcess): ObservedProcess => {
		const path: ObservedProcess[] = [];
		let current = process;
		let root: ObservedProcess | undefined;
		while (root === undefined) {
			const known = rootOf.get(current.pid);
			if (known) {
				root = known;
				break;
			}
			path.push(current);
			const parent = byPid.get(current.ppid);
			// A parent seen twice would be a cycle of pids reused mid-read; stop there.
			if (!parent || parent.pid === initPid || parent.placement.kind !== 'none' || path.includes(parent)) root = current;
			else current = parent;
		}
		for (const step of path) rootOf.set(step.pid, root);
		return root;
	};

	const workloads = new Map<string, ObservedWorkload>();
	for (const process of processes) {
		if (process.pid === initPid) continue;
		const identity = identityOf(process, treeRoot);
		const workload = workloads.get(identity.key) ?? {...identity, processes: []};
		workloads.set(identity.key, workload);
		workload.processes.push(process);
	}
	return [...workloads.values()].sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
}

function identityOf(process: ObservedProcess, treeRoot: (process: ObservedProcess) => ObservedProcess): Omit<ObservedWorkload, 'processes'> {
	const {placement} = process;
	if (placement.kind === 'container') return {key: `container:${placement.containerId}`, type: 'container', containerId: placement.containerId};
	if (placement.kind === 'service') return {key: `service:${placement.cgroup}`, type: 'linux-service', cgroup: placement.cgroup};
	const serviceName = treeRoot(process).name;
	return {key: `tree:${serviceName}`, type: 'linux-service', serviceName};
}
