import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {clock, containerFingerprint, ingest, nginx, sh, window} from './ingest-fixtures.js';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({clock});
});
afterAll(async () => server.close());

const nc = {name: 'nc', exe: ['/usr/bin/nc.openbsd'], id: 'nc_0'};
const response = {
	default: [{makeRedFlag: {severity: 'critical'}}],
	actions: [
		{agentKillProcess: {processSelector: {name: ['nc', 'socat']}}},
		{makeOpsFlag: {severity: 'low', description: 'payments shell', namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'payments'}}}},
		{agentReniceProcess: {priority: '19', enabled: false, processSelector: {name: ['sh']}}},
	],
};

const summary = (events: Array<Record<string, unknown>>) => events.map(event => `${String(event['schema']).split(':')[1]} ${String(event['severity'])} ${String(event['action'] ?? '')} ${String((event['process'] as {name?: string} | undefined)?.name ?? '')}`.trim());

describe('response actions scoped by selectors', () => {
	test('enforce: the kill goes to the matching process only, the namespaced flag to the matching workload only', async () => {
		const uid = await server.client.createPolicy(samplePolicy('scoped', {containerSelector: {image: 'registry.example.com/scoped:*'}, mode: 'enforce', response}));
		const inPayments = containerFingerprint([nginx([sh([nc])])], {image: 'registry.example.com/scoped:1', namespace: 'payments', containerID: 'pay-1'});
		expect((await ingest(server, inPayments)).json).toEqual({fingerprints: 1, deviations: 1, events: 4});
		expect(summary(await server.client.policyLogs(uid, window))).toEqual(['guardian_deviation critical', 'guardian_flag critical makeRedFlag', 'guardian_action info agentKillProcess nc', 'guardian_flag low makeOpsFlag']);

		const elsewhere = containerFingerprint([nginx([{name: 'bash', exe: ['/usr/bin/bash'], id: 'bash_0'}])], {image: 'registry.example.com/scoped:1', namespace: 'storefront', containerID: 'shop-1', at: clock() - 100});
		expect((await ingest(server, elsewhere)).json).toEqual({fingerprints: 1, deviations: 1, events: 2});
		const latest = (await server.client.policyLogs(uid, window)).slice(4);
		expect(summary(latest)).toEqual(['guardian_deviation critical', 'guardian_flag critical makeRedFlag']);
	});

	test('audit: the same selectors decide what would have been done', async () => {
		const uid = await server.client.createPolicy(samplePolicy('scoped-audit', {containerSelector: {image: 'registry.example.com/scoped-audit:*'}, mode: 'audit', response}));
		await ingest(server, containerFingerprint([nginx([sh([nc])])], {image: 'registry.example.com/scoped-audit:1', namespace: 'payments'}));
		const events = await server.client.policyLogs(uid, window);
		expect(events.map(event => event['message'])).toEqual([
			'Process "sh" using executable "/usr/bin/dash" deviated from policy "scoped-audit".',
			'Audit mode: would create a critical red flag: Process "sh" using executable "/usr/bin/dash" deviated from policy "scoped-audit".',
			'Audit mode: would kill process "nc" (/usr/bin/nc.openbsd) for policy "scoped-audit".',
			'Audit mode: would create a low ops flag: Process "sh" using executable "/usr/bin/dash" deviated from policy "scoped-audit".',
		]);
		expect(events.filter(event => event['schema'] === 'event_log:guardian_flag:1.0.0')).toEqual([]);
	});
});
