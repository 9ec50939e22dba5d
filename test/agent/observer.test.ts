import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {startObserver} from '../../source/agent/observer.js';
import {createApiClient} from '../../source/api/client.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {fingerprintOf, policyFor, window} from './observed.js';
import {fifo, killTrees, poll, programPath, startTree, uniqueProgram} from './processes.js';

let server: TestServer | undefined;
afterEach(async () => {
	killTrees();
	await server?.close();
	server = undefined;
});

const user = os.userInfo().username;
const sleep = programPath('sleep');

describe('the observer on this machine', () => {
	test('a shell that starts children: one tree, the two sleeps one node, with their pids', async () => {
		server = await startTestServer({observe: {intervalMs: 200}});
		const shell = uniqueProgram('/bin/sh', 'obs-tre');
		const tree = await startTree(`${shell.path} -c 'sleep 30 & sleep 30; wait' >/dev/null 2>&1`);
		const fingerprint = await poll(
			() => fingerprintOf(server!, shell.name),
			found => found?.metadata.hostProcesses.length === 3,
			`the fingerprint of ${shell.name} with its two children`,
		);
		expect(fingerprint!.spec.processPolicy).toEqual([{name: shell.name, exe: [shell.exe], id: `${shell.name}_0`, euser: [user], children: [{name: 'sleep', exe: [sleep], id: 'sleep_0'}]}]);
		const children = fingerprint!.metadata.hostProcesses.filter(process => process.id === 'sleep_0');
		expect(children.map(child => child.ppid)).toEqual([tree.pid, tree.pid]);
		expect(fingerprint!.metadata.hostProcesses.find(process => process.id === `${shell.name}_0`)).toMatchObject({pid: tree.pid, ppid: 1, pgid: tree.pgid});
		expect(fingerprint!.metadata).toMatchObject({type: 'linux-service', 'service-name': shell.name, hostname: os.hostname()});
	});

	test('a loopback server and its client: the listening port, and the connection both ways with the right processes', async () => {
		server = await startTestServer({observe: {intervalMs: 200}});
		const listener = uniqueProgram(process.execPath, 'obs-srv');
		const client = uniqueProgram(process.execPath, 'obs-cli');
		const tree = await startTree(`${listener.path} ${path.join(import.meta.dirname, 'fixtures', 'loopback.js')} server ${client.path}`);
		const connected = JSON.parse((await tree.lines.next()).value as string) as {port: number; server: number; client: number};
		expect(connected.server).toBe(tree.pid);

		const fingerprint = await poll(
			() => fingerprintOf(server!, listener.name),
			found => (found?.spec.networkPolicy.egress.length ?? 0) > 0 && (found?.spec.networkPolicy.ingress.length ?? 0) > 0,
			`the fingerprint of ${listener.name} with its connection`,
		);
		const serverNode = `${listener.name}_0`;
		const clientNode = `${client.name}_0`;
		const port = {protocol: 'TCP', port: connected.port};
		expect(fingerprint!.spec.processPolicy).toEqual([
			{name: listener.name, exe: [listener.exe], id: serverNode, euser: [user], listeningSockets: [port], children: [{name: client.name, exe: [client.exe], id: clientNode}]},
		]);
		expect(fingerprint!.spec.networkPolicy).toEqual({
			ingress: [{from: [{ipBlock: {cidr: '127.0.0.1/32'}}], ports: [port], processes: [serverNode]}],
			egress: [{to: [{ipBlock: {cidr: '127.0.0.1/32'}}], ports: [port], processes: [clientNode]}],
		});
		expect(fingerprint!.metadata.hostProcesses.map(({id, pid}) => ({id, pid}))).toEqual(
			[
				{id: serverNode, pid: connected.server},
				{id: clientNode, pid: connected.client},
			].sort((left, right) => left.pid - right.pid),
		);
	});

	test('an audit policy that does not cover a new child: one deviation and one log event', async () => {
		server = await startTestServer({observe: {intervalMs: 200}});
		const shell = uniqueProgram('/bin/sh', 'obs-aud');
		const tool = uniqueProgram(sleep, 'obs-new');
		const trigger = fifo();
		await startTree(`${shell.path} -c 'sleep 30 & read line < ${trigger}; ${tool.path} 30; wait' >/dev/null 2>&1`);
		const before = await poll(() => fingerprintOf(server!, shell.name), found => found?.spec.processPolicy[0]?.children?.length === 1, `the fingerprint of ${shell.name}`);
		const uid = await server.client.createPolicy(policyFor('observed-audit', shell.name, before!, 'audit'));

		// Opening the FIFO for writing lets the shell's `read` finish: it starts the new child.
		fs.writeFileSync(trigger, 'go\n');
		const deviations = await poll(() => server!.client.deviations(uid, window()), found => found.length > 0, 'a deviation');
		expect(deviations.map(deviation => deviation['description'])).toEqual([`Process "${tool.name}" using executable "${tool.exe}" deviated from policy "observed-audit".`]);
		const events = await server.client.policyLogs(uid, window());
		expect(events.map(event => event.message)).toEqual([`Process "${tool.name}" using executable "${tool.exe}" deviated from policy "observed-audit".`]);
	});

	test('only workloads that changed are sent; a send that failed is sent again', async () => {
		server = await startTestServer();
		const sent: string[][] = [];
		// Nothing listens on port 9 of loopback: a real connection failure.
		const unreachable = createApiClient({apiUrl: 'http://127.0.0.1:9', apiKey: 'x', organization: 'x'}, {retries: 0});
		let down = false;
		const observer = startObserver({
			// Cycles run when the test asks; the first runs at once.
			intervalMs: 3_600_000,
			client: {
				ingest: fingerprints => {
					sent.push(fingerprints.map(fingerprint => String((fingerprint as {metadata: {name: string}}).metadata.name)));
					return (down ? unreachable : server!.client).ingest(fingerprints);
				},
			},
		});
		try {
			const first = uniqueProgram('/bin/sh', 'obs-one');
			await startTree(`${first.path} -c 'sleep 30; wait' >/dev/null 2>&1`);
			expect((await observer.cycle()).error).toBeUndefined();
			// The first cycle, which starts at once, may have seen it already.
			expect(sent.flat()).toContain(first.name);
			const seen = sent.length;
			await observer.cycle();
			expect(sent.slice(seen).flat()).not.toContain(first.name);

			const second = uniqueProgram('/bin/sh', 'obs-two');
			await startTree(`${second.path} -c 'sleep 30; wait' >/dev/null 2>&1`);
			down = true;
			expect((await observer.cycle()).error).toMatch(/^sending \d+ fingerprint\(s\) failed, trying again next cycle/);
			down = false;
			expect((await observer.cycle()).error).toBeUndefined();
			expect(sent.at(-1)).toContain(second.name);
			expect(await fingerprintOf(server, second.name)).toBeDefined();
		} finally {
			await observer.stop();
		}
	});

	test('a fingerprint the server refuses is left out until it changes; the others go at once', async () => {
		server = await startTestServer();
		const broken = uniqueProgram('/bin/sh', 'obs-bad');
		const fine = uniqueProgram('/bin/sh', 'obs-ok');
		await startTree(`${broken.path} -c 'sleep 30; wait' >/dev/null 2>&1`);
		await startTree(`${fine.path} -c 'sleep 30; wait' >/dev/null 2>&1`);
		const tried: string[] = [];
		const observer = startObserver({
			intervalMs: 3_600_000,
			client: {
				// One workload's tree loses its name on the way, which the server's validation refuses.
				ingest: fingerprints => {
					const sent = fingerprints.map(fingerprint => structuredClone(fingerprint) as {metadata: {name: string}; spec: {processPolicy: Array<{name: string}>}});
					for (const fingerprint of sent) if (fingerprint.metadata.name === broken.name) fingerprint.spec.processPolicy[0]!.name = '';
					tried.push(...sent.map(fingerprint => fingerprint.metadata.name));
					return server!.client.ingest(sent);
				},
			},
		});
		try {
			await observer.cycle();
			expect(tried).toContain(broken.name);
			expect(await fingerprintOf(server, fine.name)).toBeDefined();
			expect(await fingerprintOf(server, broken.name)).toBeUndefined();
			const before = tried.length;
			await observer.cycle();
			expect(tried.slice(before)).not.toContain(broken.name);
		} finally {
			await observer.stop();
		}
	});
});
