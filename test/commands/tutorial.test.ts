import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {parse} from 'yaml';
import {cli} from '../helpers/cli.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {homeWithContext} from './api-context.js';

/** spyctl's seed tutorial, step by step, with spytui's words for each command, against the embedded server. */

const baseline = `apiVersion: spyderbat/v1
kind: SpyderbatBaseline
metadata:
  name: webserver
  type: container
  latestTimestamp: 1700000000
spec:
  containerSelector:
    image: registry.example.com/webserver:1.4
  podSelector:
    matchLabels:
      app: webserver
  processPolicy:
  - name: python
    exe:
    - /usr/local/bin/python3.11
    id: python_0
    euser:
    - web
    children:
    - name: sh
      exe:
      - /bin/dash
      id: sh_0
  networkPolicy:
    ingress:
    - from:
      - ipBlock:
          cidr: 10.0.0.0/16
      processes:
      - python_0
      ports:
      - protocol: TCP
        port: 8080
    egress: []
`;

/** What the workload did in the last minute: the known tree, plus a shell that starts curl. */
function deviatingFingerprint() {
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {name: 'webserver', type: 'container', id: 'fprint:tutorial:1', firstTimestamp: Date.now() / 1000 - 60, latestTimestamp: Date.now() / 1000},
		spec: {
			containerSelector: {image: 'registry.example.com/webserver:1.4'},
			podSelector: {matchLabels: {app: 'webserver'}},
			processPolicy: [
				{
					name: 'python',
					exe: ['/usr/local/bin/python3.11'],
					id: 'python_0',
					euser: ['web'],
					children: [{name: 'sh', exe: ['/bin/dash'], id: 'sh_0', children: [{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'}]}],
				},
			],
			networkPolicy: {ingress: [], egress: []},
		},
	};
}

let server: TestServer;
let place: {home: string; cwd: string};
const run = (...argv: string[]) => cli(argv, {home: place.home, cwd: place.cwd, env: {}});
const file = (name: string) => path.join(place.cwd, name);

beforeAll(async () => {
	server = await startTestServer();
	place = homeWithContext(server);
	fs.writeFileSync(file('baseline.yaml'), baseline);
});
afterAll(async () => {
	await server.close();
});

describe('the seed tutorial', () => {
	let uid = '';

	test('1. create a policy from a baseline', async () => {
		const created = await run('create', 'policy', '--from-file', 'baseline.yaml', '--name', 'webserver_policy', '--mode', 'audit');
		expect(created.code).toBe(0);
		const policy = parse(created.stdout) as {metadata: {name: string}; spec: {mode: string; response: unknown}};
		expect(policy.metadata.name).toBe('webserver_policy');
		expect(policy.spec.mode).toBe('audit');
		expect(policy.spec.response).toEqual({default: [{makeRedFlag: {severity: 'high'}}], actions: []});
		fs.writeFileSync(file('policy.yaml'), created.stdout);
	});

	test('2. add an agentKillProcess action with a podSelector', async () => {
		const text = fs.readFileSync(file('policy.yaml'), 'utf8');
		const withAction = text.replace('    actions: []\n', '    actions:\n    - agentKillProcess:\n        podSelector:\n          matchLabels:\n            app: webserver\n');
		expect(withAction).not.toBe(text);
		fs.writeFileSync(file('policy.yaml'), withAction);
		expect((await run('validate', '-f', 'policy.yaml')).stderr).toBe('SpyderbatPolicy valid!\n');
	});

	test('3. apply, then get policies shows it Auditing', async () => {
		const applied = await run('apply', '-f', 'policy.yaml');
		expect(applied.code).toBe(0);
		const match = /^Successfully applied new container guardian policy with uid: (pol:\w{20})$/m.exec(applied.stderr);
		expect(match, applied.stderr).not.toBeNull();
		uid = match![1]!;
		const listed = await run('get', 'policies', 'webserver_policy');
		expect(listed.stdout).toMatch(new RegExp(`^${uid}\\s+webserver_policy\\s+Auditing\\s+container\\s+1\\s`, 'm'));
	});

	test('4. activity that deviates: diff --latest shows it, merge --latest folds it in', async () => {
		expect(await server.client.ingest([deviatingFingerprint()])).toMatchObject({fingerprints: 1, deviations: 1});

		const diff = await run('diff', '-p', uid, '--latest');
		expect(diff.code, diff.stderr).toBe(1);
		expect(diff.stdout).toMatch(/^\+\s+- name: curl$/m);
		expect(diff.stdout).toMatch(/1 to add, 0 to change, 0 to remove/);

		const merged = await run('-y', 'merge', '-p', uid, '--latest');
		expect(merged.code, merged.stderr).toBe(0);
		expect(merged.stderr).toContain(`Successfully updated policy ${uid}`);
		const after = await server.client.getPolicy(uid);
		expect(JSON.stringify(after.policy.spec['processPolicy'])).toContain('/usr/bin/curl');
		expect(Number(after.policy.metadata['latestTimestamp'])).toBeGreaterThan(1_700_000_000);

		const again = await run('diff', '-p', uid, '--latest');
		expect(again.code).toBe(0);
	});

	test('5. logs policy shows the deviation', async () => {
		const logs = await run('logs', 'policy', uid);
		expect(logs.code).toBe(0);
		expect(logs.stdout).toMatch(/curl/);
		expect(logs.stderr).toMatch(/^Last Log Iterator: \S+$/m);
	});

	test('6. enforce, disable, re-enable: each change applied and shown', async () => {
		const setAndApply = async (edit: (text: string) => string, expected: string) => {
			const current = await run('get', 'policies', '-o', 'yaml', uid);
			fs.writeFileSync(file('policy.yaml'), edit(current.stdout));
			const applied = await run('apply', '-f', 'policy.yaml');
			expect(applied.stderr).toContain(`Successfully updated policy ${uid}`);
			expect((await run('get', 'policies', uid)).stdout).toMatch(new RegExp(`^${uid}\\s+webserver_policy\\s+${expected}\\s`, 'm'));
		};
		await setAndApply(text => text.replace('mode: audit', 'mode: enforce'), 'Enforcing');
		await setAndApply(text => text.replace('  enabled: true\n', '').replace('  mode: enforce', '  enabled: False\n  mode: enforce'), 'Disabled');
		await setAndApply(text => text.replace('  enabled: false\n', ''), 'Enforcing');
	});

	test('7. delete policy: gone', async () => {
		const deleted = await run('-y', 'delete', 'policy', uid);
		expect(deleted.stderr).toContain(`Successfully deleted policy 'webserver_policy - ${uid}'`);
		const listed = await run('get', 'policies', 'webserver_policy');
		expect(listed.stdout).not.toContain(uid);
	});
});
