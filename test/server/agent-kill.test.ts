import fs from 'node:fs';
import os from 'node:os';
import {afterEach, describe, expect, test} from 'vitest';
import {readLiveProcess} from '../../source/agent/live-process.js';
import {fingerprintOf, policyFor, window} from '../agent/observed.js';
import {fifo, isRunning, killTrees, poll, programPath, startTree, uniqueProgram} from '../agent/processes.js';
import {startTestServer, type TestServer} from '../helpers/server.js';

let server: TestServer | undefined;
afterEach(async () => {
	killTrees();
	await server?.close();
	server = undefined;
});

const sleep = programPath('sleep');

/**
 * A shell (its own service) with a sleep the policy allows, that starts
 * `victim` once told to through a FIFO; and, elsewhere, a process of the same
 * name that no policy scopes. The policy is made from the tree as first seen.
 */
async function scene(response: Record<string, unknown>) {
	const shell = uniqueProgram('/bin/sh', 'kill-sh');
	const victim = uniqueProgram(sleep, 'kill-vic');
	const trigger = fifo();
	const tree = await startTree(`${shell.path} -c 'sleep 30 & read line < ${trigger}; ${victim.path} 30; wait' >/dev/null 2>&1`);
	const bystander = await startTree(`${victim.path} 30`);
	const before = await poll(() => fingerprintOf(server!, shell.name), found => found?.spec.processPolicy[0]?.children?.length === 1, `the fingerprint of ${shell.name}`);
	const sleeper = before!.metadata.hostProcesses.find(process => process.id === 'sleep_0')!.pid;
	const uid = await server!.client.createPolicy(policyFor('observed-enforce', shell.name, before!, 'enforce', response));
	fs.writeFileSync(trigger, 'go\n');
	return {victim, tree, bystander, sleeper, uid};
}

const actionEvents = async (uid: string) => (await server!.client.policyLogs(uid, window())).filter(event => event['schema'] === 'event_log:guardian_action:1.0.0');

describe('agent kill actions on observed processes', () => {
	test('with --allow-kill, the process the selector picks is killed, and nothing else', async () => {
		server = await startTestServer({observe: {intervalMs: 200}, allowKill: true});
		const {victim, tree, bystander, sleeper, uid} = await scene({default: [], actions: [{agentKillProcess: {processSelector: {name: ['kill-vic-*']}}}]});
		const [event] = await poll(() => actionEvents(uid), found => found.length > 0, 'the kill event');
		const killed = event!['killed'] as number[];
		expect(killed).toHaveLength(1);
		expect(event!.message).toBe(`Killed ${killed[0]} (${victim.name}) for policy "observed-enforce" (agentKillProcess of process "${victim.name}" (${victim.exe})).`);
		await poll(() => isRunning(killed[0]!), running => !running, `${victim.name} to end`);
		expect([tree.pid, sleeper, bystander.pid].map(pid => isRunning(pid))).toEqual([true, true, true]);
	});

	test('without --allow-kill, the log says what would be killed; agentKillPod does not apply here', async () => {
		server = await startTestServer({observe: {intervalMs: 200}});
		const response = {default: [{agentKillPod: {}}], actions: [{agentKillProcessTree: {processSelector: {name: ['kill-vic-*']}}}]};
		const {victim, tree, uid} = await scene(response);
		const events = await poll(() => actionEvents(uid), found => found.length === 2, 'the two action events');
		const wouldKill = events.find(event => event['action'] === 'agentKillProcessTree')!;
		const pid = (wouldKill['would_kill'] as number[])[0]!;
		expect(wouldKill.message).toBe(
			`Enforce mode without --allow-kill: would kill ${pid} (${victim.name}) for policy "observed-enforce" (agentKillProcessTree of process "${victim.name}" (${victim.exe})).`,
		);
		expect(events.find(event => event['action'] === 'agentKillPod')!.message).toBe('agentKillPod is not applicable on this host: its processes run in no pod. Nothing was killed for policy "observed-enforce".');
		expect([pid, tree.pid].map(running => isRunning(running))).toEqual([true, true]);
	});

	test('the server, its ancestors and a pid that names another process now are spared, even with --allow-kill', async () => {
		server = await startTestServer({allowKill: true});
		const self = readLiveProcess(process.pid)!;
		const parent = readLiveProcess(process.ppid)!;
		const hostProcesses = [
			{id: 'node_0', pid: self.pid, ppid: self.ppid, pgid: self.pgid, startTicks: self.startTicks},
			{id: 'node_0', pid: parent.pid, ppid: parent.ppid, pgid: parent.pgid, startTicks: parent.startTicks},
			// pid 1 started at boot: a different start says the pid was reused.
			{id: 'node_0', pid: 1, ppid: 0, pgid: 0, startTicks: 123_456_789},
		];
		const uid = await server.client.createPolicy({
			apiVersion: 'spyderbat/v1',
			kind: 'SpyderbatPolicy',
			metadata: {name: 'spare-me', type: 'linux-service'},
			spec: {
				serviceSelector: {matchFields: {name: 'spare-me'}},
				mode: 'enforce',
				processPolicy: [{name: 'init', exe: ['/sbin/init'], id: 'init_0', euser: ['root']}],
				networkPolicy: {ingress: [], egress: []},
				response: {default: [{agentKillProcessTree: {}}], actions: []},
			},
		});
		await server.client.ingest([
			{
				apiVersion: 'spyderbat/v1',
				kind: 'SpyderbatFingerprint',
				metadata: {type: 'linux-service', 'service-name': 'spare-me', hostname: os.hostname(), hostProcesses},
				spec: {serviceSelector: {matchFields: {name: 'spare-me'}}, processPolicy: [{name: 'node', exe: [process.execPath], id: 'node_0', euser: ['root']}], networkPolicy: {ingress: [], egress: []}},
			},
		]);
		const [event] = await actionEvents(uid);
		expect(event).toMatchObject({outcome: 'nothing to kill', killed: []});
		expect(event!.message).toContain(`spared ${self.pid} (node): it is the spytui server itself`);
		expect(event!.message).toContain(`spared ${parent.pid} (node): it is an ancestor of the spytui server`);
		expect(event!.message).toContain('spared 1 (node): it had exited');
		expect(isRunning(process.pid)).toBe(true);
	});
});
