import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {mergeObjects} from '../../source/policy/merge/merge-objects.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {clock, containerFingerprint, ingest, nginx, sh, t0, window} from './ingest-fixtures.js';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({clock});
});
afterAll(async () => server.close());

const logsOf = async (uid: string) => server.client.policyLogs(uid, window);
const schemaCounts = (events: Array<Record<string, unknown>>) => {
	const counts: Record<string, number> = {};
	for (const event of events) counts[String(event['schema'])] = (counts[String(event['schema'])] ?? 0) + 1;
	return counts;
};

describe('the ingestion scenario (issue 4 acceptance)', () => {
	let uid: string;
	const extraShell = containerFingerprint([nginx([sh()])]);

	test('an audit policy plus a fingerprint with an extra process gives one deviation and one guardian_deviation event', async () => {
		uid = await server.client.createPolicy(samplePolicy('web'));
		const answer = await ingest(server, {fingerprints: [extraShell]});
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({fingerprints: 1, deviations: 1, events: 2});

		const deviations = await server.client.deviations(uid, window);
		expect(deviations).toHaveLength(1);
		const [deviation] = deviations;
		expect(deviation).toMatchObject({
			description: 'Process "sh" using executable "/usr/bin/dash" deviated from policy "web".',
			short_description: 'Process "sh" (/usr/bin/dash) deviated',
			policy_uid: uid,
			policy_name: 'web',
			policy_mode: 'audit',
			policy_type: 'container',
			time: t0 + 10,
			schema: 'event_deviation:workload:1.0.0',
			image: 'registry.example.com/web:1.4',
		});
		expect(deviation!.id).toMatch(new RegExp(`^dev:${server.org.uid}:[\\w-]{20}$`));
		expect(deviation!.deviation).toEqual({
			apiVersion: 'spyderbat/v1',
			kind: 'GuardianDeviation',
			metadata: {type: 'container', policy_uid: uid, checksum: deviation!.checksum, uid: deviation!.id},
			spec: {processPolicy: [{policyNode: {id: 'nginx_0', children: [{name: 'sh', exe: ['/usr/bin/dash'], id: 'sh_0'}]}}]},
		});

		const events = await logsOf(uid);
		expect(schemaCounts(events)).toEqual({'event_log:guardian_deviation:1.0.0': 1, 'event_log:guardian_action:1.0.0': 1});
		const [logged, wouldFlag] = events;
		expect(logged).toMatchObject({message: deviation!.description, policy_uid: uid, policy_name: 'web', severity: 'high', ref: deviation!.id, time: t0 + 10});
		expect(wouldFlag).toMatchObject({message: `Audit mode: would create a high red flag: ${deviation!.description}`, outcome: 'audit', action: 'makeRedFlag'});
	});

	test('ingesting the same fingerprint again adds no duplicate', async () => {
		expect((await ingest(server, extraShell)).json).toEqual({fingerprints: 1, deviations: 0, events: 0});
		expect(await server.client.deviations(uid, window)).toHaveLength(1);
		expect(await logsOf(uid)).toHaveLength(2);
	});

	test('switched to enforce, a new deviating fingerprint raises a red flag with its severity', async () => {
		const current = await server.client.getPolicy(uid);
		await server.client.updatePolicy({...current.policy, spec: {...current.policy.spec, mode: 'enforce'}});
		const answer = await ingest(server, {fingerprints: [containerFingerprint([nginx([{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'}])], {at: t0 + 20})]});
		expect(answer.json).toEqual({fingerprints: 1, deviations: 1, events: 2});
		const flags = (await logsOf(uid)).filter(event => event['schema'] === 'event_log:guardian_flag:1.0.0');
		expect(flags).toEqual([
			expect.objectContaining({
				severity: 'high',
				flag_type: 'redflag',
				policy_mode: 'enforce',
				message: 'High red flag: Process "curl" using executable "/usr/bin/curl" deviated from policy "web".',
				time: t0 + 20,
			}),
		]);
	});

	test('merging its deviations into the policy (spyctl merge) makes the same activity conform', async () => {
		const current = await server.client.getPolicy(uid);
		const deviations = (await server.client.deviations(uid, window)).map(record => record.deviation);
		const {merged, skipped} = mergeObjects(current.policy, deviations, 'asymmetric');
		expect(skipped).toEqual([]);
		await server.client.updatePolicy({...merged, metadata: current.policy.metadata} as typeof current.policy);
		const again = await ingest(server, {fingerprints: [extraShell, containerFingerprint([nginx([{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'}, sh()])], {at: t0 + 30})]});
		expect(again.json).toEqual({fingerprints: 2, deviations: 0, events: 0});
	});

	test('fingerprints are stored and searchable, one per workload: the newest replaces the older', async () => {
		const stored = await server.client.fingerprints({type: 'container', ...window});
		expect(stored).toHaveLength(1);
		const [latest] = stored;
		expect(latest).toMatchObject({kind: 'SpyderbatFingerprint', schema: 'model_fingerprint:container', time: t0 + 30, metadata: {type: 'container', id: latest!['id'], checksum: expect.stringMatching(/^[0-9a-f]{32}$/)}});
		await ingest(server, extraShell);
		expect((await server.client.fingerprints({type: 'container', ...window}))[0]).toEqual(latest);
	});
});

describe('what is evaluated against what', () => {
	test('a disabled policy and policies whose selectors do not pick the workload produce nothing', async () => {
		const disabled = await server.client.createPolicy(samplePolicy('disabled-web', {containerSelector: {image: 'registry.example.com/quiet:*'}, enabled: false, mode: 'enforce'}));
		const scoped = await server.client.createPolicy(
			samplePolicy('scoped-web', {containerSelector: {image: 'registry.example.com/quiet:*'}, namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'prod'}}}),
		);
		const quiet = (namespace: string) => containerFingerprint([nginx([sh()])], {image: 'registry.example.com/quiet:2', namespace, containerID: `quiet-${namespace}`});
		expect((await ingest(server, {fingerprints: [quiet('staging')]})).json).toEqual({fingerprints: 1, deviations: 0, events: 0});
		expect(await server.client.deviations(disabled, window)).toEqual([]);
		expect(await server.client.deviations(scoped, window)).toEqual([]);

		expect((await ingest(server, {fingerprints: [quiet('prod')]})).json).toEqual({fingerprints: 1, deviations: 1, events: 2});
		expect(await server.client.deviations(disabled, window)).toEqual([]);
		expect(await server.client.deviations(scoped, window)).toHaveLength(1);
	});

	test('a fingerprint is only evaluated against policies of its own type', async () => {
		const uid = await server.client.createPolicy(samplePolicy('typed', {containerSelector: {image: 'typed'}}));
		const service = {
			apiVersion: 'spyderbat/v1',
			kind: 'SpyderbatFingerprint',
			metadata: {type: 'linux-service', latestTimestamp: t0 + 40},
			spec: {serviceSelector: {cgroup: 'systemd:/system.slice/typed.service'}, processPolicy: [nginx([sh()])], networkPolicy: {ingress: [], egress: []}},
		};
		expect((await ingest(server, service)).json).toEqual({fingerprints: 1, deviations: 0, events: 0});
		expect(await server.client.deviations(uid, window)).toEqual([]);
	});

	test('a new connection deviates with its own wording; every matching policy gets its deviation', async () => {
		const first = await server.client.createPolicy(samplePolicy('net-a', {containerSelector: {image: 'registry.example.com/net:*'}}));
		const second = await server.client.createPolicy(samplePolicy('net-b', {containerSelector: {image: '*/net:*'}}));
		const egress = [{to: [{dnsSelector: ['exfil.example.net']}], ports: [{protocol: 'TCP', port: 8443}], processes: ['nginx_0']}];
		const answer = await ingest(server, {fingerprints: [containerFingerprint([nginx()], {image: 'registry.example.com/net:1', egress, containerID: 'net-1'})]});
		expect(answer.json).toEqual({fingerprints: 1, deviations: 2, events: 4});
		for (const [uid, name] of [
			[first, 'net-a'],
			[second, 'net-b'],
		] as const) {
			const [deviation] = await server.client.deviations(uid, window);
			expect(deviation!.description).toBe(`Egress connection from process "nginx" to "exfil.example.net" on TCP port 8443 deviated from policy "${name}".`);
			expect(deviation!.deviation['spec']).toEqual({networkPolicy: {egress}});
		}
	});

	test('a FingerprintGroup, an items list and a single fingerprint are all accepted', async () => {
		const one = (index: number) => containerFingerprint([nginx()], {image: 'registry.example.com/forms:1', containerID: `forms-${index}`});
		const group = {apiVersion: 'spyderbat/v1', kind: 'FingerprintGroup', metadata: {}, data: {fingerprints: [one(1), one(2)]}};
		expect((await ingest(server, group)).json).toMatchObject({fingerprints: 2});
		expect((await ingest(server, {apiVersion: 'spyderbat/v1', items: [one(3), group]})).json).toMatchObject({fingerprints: 3});
		expect((await ingest(server, one(4))).json).toMatchObject({fingerprints: 1});
		expect((await ingest(server, {fingerprints: []})).json).toEqual({fingerprints: 0, deviations: 0, events: 0});
	});
});
