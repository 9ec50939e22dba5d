import type {ProcessNode} from '../../source/policy/merge/types.js';
import type {TestServer} from '../helpers/server.js';

/** Fingerprints and deviations in these tests happen from here on (epoch seconds); servers run on a clock pinned just after. */
export const t0 = 1_750_000_000;
export const clock = () => t0 + 3600;
export const window = {startTime: t0 - 60, endTime: t0 + 7200};

/** POSTs an ingest body as any sender would (the client has no ingest call; tests read results back through it). */
export async function ingest(server: TestServer, body: unknown, query = '') {
	const response = await fetch(`${server.url}/api/v1/org/${server.org.uid}/ingest/${query}`, {
		method: 'POST',
		headers: {authorization: `Bearer ${server.token}`, 'content-type': 'application/json'},
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return {status: response.status, json: JSON.parse(text) as Record<string, unknown>};
}

export const nginx = (children: ProcessNode[] = []): ProcessNode => ({name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root'], ...(children.length > 0 ? {children} : {})});
export const sh = (children: ProcessNode[] = [], exe = '/usr/bin/dash'): ProcessNode => ({name: 'sh', exe: [exe], id: 'sh_0', ...(children.length > 0 ? {children} : {})});

type FingerprintOptions = {
	image?: string;
	namespace?: string;
	podLabels?: Record<string, string>;
	egress?: unknown[];
	ingress?: unknown[];
	at?: number;
	containerID?: string;
};

/** A container fingerprint of `samplePolicy('web')`'s workload unless told otherwise. */
export function containerFingerprint(processes: ProcessNode[], options: FingerprintOptions = {}) {
	const image = options.image ?? 'registry.example.com/web:1.4';
	const containerID = options.containerID ?? 'c0ntainer0001';
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'container', latestTimestamp: options.at ?? t0 + 10, ...(options.namespace ? {namespace: options.namespace} : {})},
		spec: {
			containerSelector: {image, containerName: 'web', containerID},
			...(options.podLabels ? {podSelector: {matchLabels: options.podLabels}} : {}),
			processPolicy: processes,
			networkPolicy: {ingress: options.ingress ?? [], egress: options.egress ?? []},
		},
	};
}

