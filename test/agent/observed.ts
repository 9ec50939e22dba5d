import type {ProcessNode} from '../../source/policy/merge/types.js';
import type {HostProcess} from '../../source/server/evaluate/host-processes.js';
import type {TestServer} from '../helpers/server.js';

export type StoredFingerprint = {
	metadata: Record<string, unknown> & {hostProcesses: HostProcess[]};
	spec: {processPolicy: ProcessNode[]; networkPolicy: {ingress: unknown[]; egress: unknown[]}};
};

export const window = () => ({startTime: Math.floor(Date.now() / 1000) - 3600, endTime: Math.ceil(Date.now() / 1000) + 60});

/** The latest fingerprint the server holds of a process tree's service, through the search API. */
export async function fingerprintOf(server: TestServer, serviceName: string): Promise<StoredFingerprint | undefined> {
	const records = await server.client.fingerprints({type: 'linux-service', ...window()});
	return records.find(record => (record['metadata'] as Record<string, unknown>)['service-name'] === serviceName) as StoredFingerprint | undefined;
}

/** A policy for an observed tree's service that allows exactly what it has done so far. */
export function policyFor(name: string, serviceName: string, fingerprint: StoredFingerprint, mode: 'audit' | 'enforce', response: Record<string, unknown> = {default: [], actions: []}) {
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatPolicy',
		metadata: {name, type: 'linux-service'},
		spec: {serviceSelector: {matchFields: {name: serviceName}}, mode, processPolicy: fingerprint.spec.processPolicy, networkPolicy: fingerprint.spec.networkPolicy, response},
	};
}
