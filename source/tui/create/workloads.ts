import {isRecord} from '../../policy/is-record.js';
import {metadataOf, type SpyderbatObject, specOf} from '../../policy/merge/merge-inputs.js';
import type {Workload} from './flow.js';

/**
 * The server's fingerprints as the workloads they describe, newest first.
 * A workload runs in many containers (or on many machines), each with its own
 * fingerprint; spyctl groups them by image or cgroup (its FingerprintGroup),
 * and a policy built from the group covers every one of them.
 */
export function groupWorkloads(records: readonly SpyderbatObject[]): Workload[] {
	const groups = new Map<string, Workload>();
	for (const record of records) {
		const identity = identityOf(record);
		const time = timeOf(record);
		const group = groups.get(identity.key);
		if (group) {
			group.fingerprints.push(record);
			group.latest = Math.max(group.latest, time);
		} else {
			groups.set(identity.key, {...identity, fingerprints: [record], latest: time});
		}
	}
	const workloads = [...groups.values()];
	for (const workload of workloads) workload.fingerprints.sort((left, right) => timeOf(right) - timeOf(left));
	return workloads.sort((left, right) => right.latest - left.latest || left.title.localeCompare(right.title));
}

function identityOf(record: SpyderbatObject): Pick<Workload, 'key' | 'type' | 'title' | 'detail'> {
	const metadata = metadataOf(record);
	const spec = specOf(record);
	const type = String(metadata['type'] ?? 'unknown');
	const image = text(selector(spec, 'containerSelector', 'image')) ?? text(metadata['image']);
	if (type === 'container' && image) return {key: `container ${image}`, type, title: image};
	const cgroup = text(selector(spec, 'serviceSelector', 'cgroup')) ?? text(metadata['cgroup']);
	if (type === 'linux-service' && cgroup) return {key: `linux-service ${cgroup}`, type, title: serviceName(cgroup), detail: cgroup};
	// A process tree the local observer named after its root: one workload per name and machine.
	const matchFields = selector(spec, 'serviceSelector', 'matchFields');
	const root = isRecord(matchFields) ? text(matchFields['name']) : undefined;
	const hostname = text(metadata['hostname']);
	if (type === 'linux-service' && root) return {key: `linux-service ${root} ${hostname ?? ''}`, type, title: root, ...(hostname ? {detail: `process tree on ${hostname}`} : {})};
	// Nothing to group by: the fingerprint stands alone.
	const id = text(metadata['id']) ?? text(record['id']) ?? JSON.stringify(metadata);
	return {key: `${type} ${id}`, type, title: text(metadata['name']) ?? id};
}

/** `systemd:/system.slice/sshd.service` → `sshd.service`. */
export function serviceName(cgroup: string): string {
	return cgroup.split('/').findLast(part => part !== '') ?? cgroup;
}

function selector(spec: Record<string, unknown>, name: string, field: string): unknown {
	const value = spec[name];
	return isRecord(value) ? value[field] : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** When the search saw it: the record's `time`, else the fingerprint's own `latestTimestamp`. */
function timeOf(record: SpyderbatObject): number {
	const time = Number(record['time'] ?? metadataOf(record)['latestTimestamp']);
	return Number.isFinite(time) ? time : 0;
}
