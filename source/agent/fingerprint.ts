import type {z} from 'zod';
import type {NetworkPolicy} from '../policy/merge/types.js';
import type {fingerprint} from '../policy/schema/other-kinds.js';
import type {HostProcess} from '../server/evaluate/host-processes.js';
import {type Connection, type SocketIndex, socketActivity} from './connections.js';
import {processForest} from './process-forest.js';
import {ticksPerSecond} from './proc-text.js';
import type {ObservedWorkload} from './workloads.js';

/** A SpyderbatFingerprint as the ingest endpoint validates it, with the host processes behind its nodes. */
export type ObservedFingerprint = z.infer<typeof fingerprint> & {metadata: {hostProcesses: HostProcess[]; latestTimestamp: number}};

/** The machine the workloads run on. */
export type Host = {hostname: string; machineId?: string; bootTime: number};

/**
 * A workload's fingerprint: its selectors (service cgroup or name,
 * container id, and the machine), its process tree and its connections.
 * Peers are single addresses (`/32`, `/128`); a connection names the node
 * of the process that holds it. `hostProcesses` in the metadata lists the
 * pids behind the nodes, for the agent actions of enforcing policies.
 */
export function buildFingerprint(workload: ObservedWorkload, sockets: SocketIndex, host: Host, now: number): ObservedFingerprint {
	const activity = new Map(workload.processes.map(process => [process.pid, socketActivity(process.sockets, sockets)]));
	const forest = processForest(workload.processes, process => activity.get(process.pid)?.listening ?? []);
	const rules = new Map<string, NetworkPolicy['ingress'][number] | NetworkPolicy['egress'][number]>();
	const directions: Record<Connection['direction'], string[]> = {ingress: [], egress: []};
	for (const process of workload.processes) {
		const processId = forest.nodeOf.get(process.pid)!;
		for (const {direction, peer, port} of activity.get(process.pid)?.connections ?? []) {
			const key = `${direction} ${peer} ${port.protocol} ${port.port} ${processId}`;
			if (rules.has(key)) continue;
			const peers = [{ipBlock: {cidr: `${peer}/${peer.includes(':') ? 128 : 32}`}}];
			rules.set(key, direction === 'ingress' ? {from: peers, ports: [port], processes: [processId]} : {to: peers, ports: [port], processes: [processId]});
			directions[direction].push(key);
		}
	}
	const ordered = (direction: Connection['direction']) => directions[direction].sort().map(key => rules.get(key)!);
	const started = Math.min(...workload.processes.map(process => process.startTicks));
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {
			name: workload.serviceName ?? workload.cgroup?.split('/').at(-1) ?? workload.containerId?.slice(0, 12) ?? workload.key,
			type: workload.type,
			hostname: host.hostname,
			...(host.machineId ? {muid: host.machineId} : {}),
			...(workload.cgroup ? {cgroup: workload.cgroup} : {}),
			...(workload.serviceName ? {'service-name': workload.serviceName} : {}),
			...(workload.containerId ? {containerID: workload.containerId} : {}),
			firstTimestamp: host.bootTime + started / ticksPerSecond,
			latestTimestamp: now,
			hostProcesses: forest.hostProcesses,
		},
		spec: {
			...(workload.containerId ? {containerSelector: {containerID: workload.containerId}} : {}),
			...(workload.cgroup ? {serviceSelector: {cgroup: workload.cgroup}} : {}),
			...(workload.serviceName ? {serviceSelector: {matchFields: {name: workload.serviceName}}} : {}),
			machineSelector: {hostname: host.hostname},
			processPolicy: forest.roots,
			networkPolicy: {ingress: ordered('ingress') as NetworkPolicy['ingress'], egress: ordered('egress') as NetworkPolicy['egress']},
		},
	};
}
