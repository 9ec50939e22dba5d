import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest';
import YAML from 'yaml';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {clock, containerFingerprint, ingest, nginx, sh, window} from './ingest-fixtures.js';

type Received = {method: string; path: string; contentType: string; body: string};

/** A real HTTP receiver on loopback that records what it gets and answers as `answer` says. */
async function receiver(answer: (response: http.ServerResponse) => void = response => response.end('ok')) {
	const received: Received[] = [];
	const server = http.createServer((request, response) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', chunk => (body += chunk));
		request.on('end', () => {
			received.push({method: request.method ?? '', path: request.url ?? '', contentType: String(request.headers['content-type']), body});
			answer(response);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>(resolve => server.close(() => resolve()))};
}

type Receiver = Awaited<ReturnType<typeof receiver>>;

let server: TestServer;
const receivers: Receiver[] = [];
const started = async (answer?: (response: http.ServerResponse) => void) => {
	const started = await receiver(answer);
	receivers.push(started);
	return started;
};
beforeAll(async () => {
	server = await startTestServer({clock});
});
afterAll(async () => {
	await server.close();
	await Promise.all(receivers.map(each => each.close()));
});

const webhook = (url: string, template: string) => ({webhook: {urlDestination: url, template, processSelector: {name: ['sh']}}});
const outcomes = async (uid: string) => (await server.client.policyLogs(uid, window)).filter(event => event['action'] === 'webhook');

describe('webhook actions of enforcing policies are delivered as real HTTP POSTs', () => {
	test('json, yaml and slack templates, after the commit, each logged as delivered', async () => {
		const [json, yaml, slack] = [await started(), await started(), await started()];
		const uid = await server.client.createPolicy(
			samplePolicy('hooks', {
				containerSelector: {image: 'registry.example.com/hooks:*'},
				mode: 'enforce',
				response: {default: [{makeRedFlag: {severity: 'high'}}], actions: [webhook(`${json.url}/json`, 'json'), webhook(`${yaml.url}/yaml`, 'yaml'), webhook(`${slack.url}/slack`, 'slack')]},
			}),
		);
		const answer = await ingest(server, {fingerprints: [containerFingerprint([nginx([sh()])], {image: 'registry.example.com/hooks:1'})]}, '?wait=true');
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({fingerprints: 1, deviations: 1, events: 2});
		expect(answer.json['webhooks']).toEqual([
			expect.objectContaining({policy_uid: uid, destination: json.url, template: 'json', ok: true, attempts: 1, status: 200}),
			expect.objectContaining({destination: yaml.url, template: 'yaml', ok: true}),
			expect.objectContaining({destination: slack.url, template: 'slack', ok: true}),
		]);

		const [deviation] = await server.client.deviations(uid, window);
		expect(json.received).toEqual([expect.objectContaining({method: 'POST', path: '/json', contentType: expect.stringContaining('application/json')})]);
		expect(JSON.parse(json.received[0]!.body)).toEqual(deviation);
		expect(yaml.received[0]!.contentType).toBe('application/yaml');
		expect(YAML.parse(yaml.received[0]!.body)).toEqual(deviation);
		const message = JSON.parse(slack.received[0]!.body) as {text: string; blocks: unknown[]};
		expect(message.text).toBe(`[HIGH] Spyderbat policy "hooks" (${uid}): ${deviation!.description}`);
		expect(message.blocks).toHaveLength(2);

		const logged = await outcomes(uid);
		expect(logged).toHaveLength(3);
		for (const event of logged) {
			expect(event).toMatchObject({schema: 'event_log:guardian_action:1.0.0', outcome: 'delivered', status: 200, attempts: 1, severity: 'info', ref: deviation!.id, time: clock()});
		}
		expect(logged.map(event => event['message'])).toContain(`Delivered the yaml webhook to ${yaml.url} (HTTP 200, 1 attempt): ${deviation!.description}`);
	});

	test('a receiver that keeps failing is retried, then the failure is logged', async () => {
		const failing = await started(response => {
			response.statusCode = 500;
			response.end('down');
		});
		const uid = await server.client.createPolicy(
			samplePolicy('failing-hook', {containerSelector: {image: 'registry.example.com/failing:*'}, mode: 'enforce', response: {default: [], actions: [webhook(`${failing.url}/hook`, 'json')]}}),
		);
		const answer = await ingest(server, {fingerprints: [containerFingerprint([nginx([sh()])], {image: 'registry.example.com/failing:1'})]}, '?wait=true');
		expect(answer.json['webhooks']).toEqual([expect.objectContaining({ok: false, attempts: 4, error: '500 Internal Server Error'})]);
		expect(failing.received).toHaveLength(4);
		const [failure] = await outcomes(uid);
		expect(failure).toMatchObject({outcome: 'failed', severity: 'medium', attempts: 4, error: '500 Internal Server Error'});
		expect(failure!.message).toMatch(new RegExp(`^Failed to deliver the json webhook to ${failing.url} after 4 attempts \\(500 Internal Server Error\\): Process "sh"`));
	}, 30_000);

	test('without ?wait the answer does not wait for the receiver; the outcome is logged when it answers', async () => {
		let release: () => void = () => {};
		const held = new Promise<void>(resolve => (release = resolve));
		const slow = await started(response => void held.then(() => response.end('late')));
		const uid = await server.client.createPolicy(
			samplePolicy('slow-hook', {containerSelector: {image: 'registry.example.com/slow:*'}, mode: 'enforce', response: {default: [], actions: [webhook(slow.url, 'json')]}}),
		);
		const answer = await ingest(server, {fingerprints: [containerFingerprint([nginx([sh()])], {image: 'registry.example.com/slow:1'})]});
		expect(answer.json).toEqual({fingerprints: 1, deviations: 1, events: 1});
		await vi.waitFor(() => expect(slow.received).toHaveLength(1));
		expect(await outcomes(uid)).toEqual([]);
		release();
		await vi.waitFor(async () => expect(await outcomes(uid)).toEqual([expect.objectContaining({outcome: 'delivered'})]));
	});

	test('an auditing policy sends nothing and logs what it would have sent', async () => {
		const quiet = await started();
		const uid = await server.client.createPolicy(
			samplePolicy('audit-hook', {containerSelector: {image: 'registry.example.com/audit:*'}, mode: 'audit', response: {default: [], actions: [webhook(`${quiet.url}/secret/path`, 'slack')]}}),
		);
		const answer = await ingest(server, {fingerprints: [containerFingerprint([nginx([sh()])], {image: 'registry.example.com/audit:1'})]}, '?wait=true');
		expect(answer.json).toMatchObject({deviations: 1, events: 2, webhooks: []});
		expect(quiet.received).toEqual([]);
		const [wouldSend] = await outcomes(uid);
		expect(wouldSend).toMatchObject({outcome: 'audit', destination: quiet.url, template: 'slack'});
		expect(wouldSend!.message).toMatch(new RegExp(`^Audit mode: would send a slack webhook to ${quiet.url}: `));
		expect(JSON.stringify(wouldSend)).not.toContain('/secret/path');
	});
});
