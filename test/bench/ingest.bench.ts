import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import type {Figure} from './figure.js';

const policyCount = 50;
const batches = 20;
const batchSize = 500;

/**
 * One workload's fingerprint: the policy's nginx tree plus one program it has
 * never run (a new one each time, so that each fingerprint is a new
 * deviation), which also opens a connection.
 */
function fingerprint(index: number) {
	const tool = `tool-${index}`;
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'container', latestTimestamp: 1_750_000_000 + index / 1000, namespace: 'bench'},
		spec: {
			containerSelector: {image: `registry.example.com/app-${index % policyCount}:1.0`, containerName: 'app', containerID: `c${index}`},
			processPolicy: [
				{
					name: 'nginx',
					exe: ['/usr/sbin/nginx'],
					id: 'nginx_0',
					euser: ['root'],
					children: [
						{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_1', euser: ['www-data']},
						{name: tool, exe: [`/usr/local/bin/${tool}`], id: `${tool}_0`},
					],
				},
			],
			networkPolicy: {ingress: [], egress: [{to: [{dnsSelector: [`${tool}.example.net`]}], ports: [{protocol: 'TCP', port: 443}], processes: [`${tool}_0`]}]},
		},
	};
}

async function post(server: TestServer, body: unknown): Promise<{fingerprints: number; deviations: number; events: number}> {
	const response = await fetch(`${server.url}/api/v1/org/${server.org.uid}/ingest/`, {
		method: 'POST',
		headers: {authorization: `Bearer ${server.token}`, 'content-type': 'application/json'},
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`ingest failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as {fingerprints: number; deviations: number; events: number};
}

/**
 * Ingestion through the real server on loopback: batches of fingerprints,
 * each evaluated against 50 enforcing policies (one picks it), each a new
 * deviation with a red flag and a requested kill. An event is a policy log
 * event written (guardian_deviation, guardian_flag, guardian_action).
 */
export default async function ingestBench(): Promise<Figure[]> {
	const server = await startTestServer();
	try {
		for (let index = 0; index < policyCount; index++) {
			await server.client.createPolicy(
				samplePolicy(`app-${index}`, {
					containerSelector: {image: `registry.example.com/app-${index}:*`},
					mode: 'enforce',
					processPolicy: [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root'], children: [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_1', euser: ['www-data']}]}],
					response: {default: [{makeRedFlag: {severity: 'high'}}], actions: [{agentKillProcess: {processSelector: {name: ['tool-*']}}}]},
				}),
			);
		}
		// Warm up: the first fingerprints pay for parsing the policies and compiling globs.
		await post(server, {fingerprints: Array.from({length: 200}, (_, index) => fingerprint(1_000_000 + index))});

		let events = 0;
		const start = performance.now();
		for (let batch = 0; batch < batches; batch++) {
			const answer = await post(server, {fingerprints: Array.from({length: batchSize}, (_, index) => fingerprint(batch * batchSize + index))});
			if (answer.deviations !== batchSize) throw new Error(`expected ${batchSize} new deviations, got ${answer.deviations}`);
			events += answer.events;
		}
		const seconds = (performance.now() - start) / 1000;
		return [{name: `ingestion (${batches} batches of ${batchSize} fingerprints, ${policyCount} policies)`, value: Math.round(events / seconds), unit: 'events/s', target: 5000, better: 'higher'}];
	} finally {
		await server.close();
	}
}
