import {createApiClient} from '../../source/api/client.js';
import {createHttp} from '../../source/api/http.js';
import {type RunningServer, startServer} from '../../source/server/start.js';
import type {DeviationInput, EventInput, FingerprintInput} from '../../source/server/store/records.js';
import {tempDir} from '../helpers/temp.js';

/** A real server on port 0 with an empty database, the real client, and the raw HTTP client under it. */
export async function startSearchServer() {
	const server = await startServer({dataDir: tempDir('spytui-search-'), port: 0});
	const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
	const http = createHttp(server.url, server.token, {retries: 0});
	return {server, client, http, orgUid: server.org.uid};
}

export type SearchServer = Awaited<ReturnType<typeof startSearchServer>>;

export const t0 = 1_700_000_000;

export function deviation(policyUid: string, time: number, checksum: string, extra: Partial<DeviationInput> = {}): DeviationInput {
	return {
		id: `dev:${checksum}`,
		checksum,
		policy_uid: policyUid,
		policy_name: 'demo',
		policy_mode: 'audit',
		policy_type: 'container',
		time,
		description: `Process "sh" using executable "/usr/bin/dash" deviated from policy "demo".`,
		short_description: 'sh deviated',
		deviation: {apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: {type: 'container', policy_uid: policyUid, checksum}, spec: {processPolicy: []}},
		...extra,
	};
}

export function logEvent(policyUid: string, time: number, id: string, kind: 'guardian_deviation' | 'guardian_action' | 'guardian_flag' = 'guardian_deviation', extra: Partial<EventInput> = {}): EventInput {
	return {id, schema: `event_log:${kind}:1.0.0`, time, policy_uid: policyUid, message: `${kind} ${id}`, severity: kind === 'guardian_flag' ? 'high' : 'info', ...extra};
}

export function fingerprint(id: string, time: number, type: 'container' | 'linux-service', muid = 'mach:one'): FingerprintInput {
	return {id, time, metadata: {type, muid, name: id, checksum: `sum-${id}`}, spec: {processPolicy: []}};
}

export function insertAll(server: RunningServer, records: {deviations?: DeviationInput[]; events?: EventInput[]; fingerprints?: FingerprintInput[]}): void {
	server.records.transaction(() => {
		for (const record of records.deviations ?? []) server.records.insertDeviation(record);
		for (const record of records.events ?? []) server.records.insertEvent(record);
		for (const record of records.fingerprints ?? []) server.records.insertFingerprint(record);
	});
}
