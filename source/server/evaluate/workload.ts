import {isRecord} from '../../policy/is-record.js';

/** What a fingerprint tells about the workload it was observed on: the facts selectors are matched against. */
export type Workload = {
	type: string;
	/** containerSelector's fields (image, imageID, containerName, containerID). */
	container: Record<string, string>;
	/** serviceSelector's fields (cgroup, name). */
	service: Record<string, string>;
	/** clusterSelector's fields (name, uid). */
	cluster: Record<string, string>;
	/** machineSelector's fields; a machine may be known by several host names. */
	hostnames: string[];
	machineUid?: string;
	sourceName?: string;
	namespaceLabels?: Record<string, string>;
	podLabels?: Record<string, string>;
	namespace?: string;
	podUid?: string;
	podName?: string;
};

/**
 * The workload of a fingerprint. Its spec carries selectors that describe
 * exactly the workload (spyctl's fingerprints do), their matchFields
 * included; its metadata carries some of the same facts under spyctl's
 * metadata names (reference §1.10: image, imageID, containerName,
 * containerID, cgroup, namespace, pod-uid, cluster-uid, muid), which fill in
 * what the selectors leave out.
 */
export function workloadOf(fingerprint: Record<string, unknown>): Workload {
	const metadata = recordAt(fingerprint, 'metadata') ?? {};
	const spec = recordAt(fingerprint, 'spec') ?? {};
	const facts = (selector: string, fields: readonly string[], fromMetadata: Record<string, string> = {}) => {
		const own = recordAt(spec, selector) ?? {};
		const matchFields = recordAt(own, 'matchFields') ?? {};
		const found: Record<string, string> = {};
		for (const field of fields) {
			const value = text(own[field]) ?? text(matchFields[field]) ?? text(metadata[fromMetadata[field] ?? field]);
			if (value !== undefined) found[field] = value;
		}
		return found;
	};

	const container = facts('containerSelector', ['image', 'imageID', 'containerName', 'containerID']);
	const service = facts('serviceSelector', ['cgroup', 'name'], {name: 'service-name'});
	// systemd:/system.slice/ssh.service is the service ssh.service.
	if (service['cgroup'] !== undefined) service['name'] ??= service['cgroup'].split('/').at(-1)!;
	const machine = recordAt(spec, 'machineSelector') ?? {};
	const machineFacts = facts('machineSelector', ['sourceName', 'uid'], {uid: 'muid', sourceName: 'source-name'});
	const namespace = text(metadata['namespace']);
	const namespaceLabels = labelsAt(spec, 'namespaceSelector');
	return {
		type: String(metadata['type']),
		container,
		service,
		cluster: facts('clusterSelector', ['name', 'uid'], {name: 'cluster-name', uid: 'cluster-uid'}),
		hostnames: [...texts(machine['hostname']), ...texts(recordAt(machine, 'matchFields')?.['hostname']), ...texts(metadata['hostname'])],
		machineUid: texts(machine['machineUID'])[0] ?? machineFacts['uid'],
		sourceName: machineFacts['sourceName'],
		// Kubernetes labels every namespace with its own name.
		namespaceLabels: namespace === undefined ? namespaceLabels : {'kubernetes.io/metadata.name': namespace, ...namespaceLabels},
		podLabels: labelsAt(spec, 'podSelector'),
		namespace,
		podUid: text(metadata['pod-uid']),
		podName: text(metadata['pod-name']),
	};
}

function recordAt(value: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
	const inner = value[key];
	return isRecord(inner) ? inner : undefined;
}

function labelsAt(spec: Record<string, unknown>, selector: string): Record<string, string> | undefined {
	const labels = recordAt(spec, selector)?.['matchLabels'];
	if (!isRecord(labels)) return undefined;
	return Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function texts(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item !== '');
	const single = text(value);
	return single === undefined ? [] : [single];
}
