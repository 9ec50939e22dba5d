import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {toYaml} from '../../source/policy/dump.js';
import {cli} from '../helpers/cli.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {createPolicy, homeWithContext, homeWithServerDown} from './api-context.js';

/** A web server with a shell under it, two nginx nodes, and traffic both ways. */
const spec = {
	containerSelector: {image: 'registry.example.com/shop:*'},
	podSelector: {matchLabels: {app: 'shop'}},
	mode: 'audit',
	processPolicy: [
		{
			name: 'nginx',
			exe: ['/usr/sbin/nginx'],
			id: 'nginx_0',
			euser: ['root'],
			children: [
				{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_1', euser: ['www-data']},
				{name: 'sh', exe: ['/bin/sh', '/usr/bin/dash'], id: 'sh_0'},
			],
		},
	],
	networkPolicy: {
		ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/8', except: ['10.9.0.0/16']}}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_0']}],
		egress: [
			{to: [{dnsSelector: ['api.example.com']}, {ipBlock: {cidr: '127.0.0.1/32'}}], ports: [{protocol: 'TCP', port: 8000, endPort: 8080}], processes: ['nginx_1', 'sh_0']},
			{to: [{ipBlock: {cidr: '192.168.1.0/24'}}], ports: [{protocol: 'UDP', port: 53}]},
		],
	},
	response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []},
};

let server: TestServer;
let dirs: {home: string; cwd: string};
let uid: string;

beforeAll(async () => {
	server = await startTestServer();
	dirs = homeWithContext(server);
	uid = await createPolicy(server, 'shop', spec);
	await createPolicy(server, 'twin-a');
	await createPolicy(server, 'twin-b');
	await server.client.createPolicy({
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatPolicy',
		metadata: {name: 'quiet-traces', type: 'trace'},
		spec: {traceSelector: {matchFields: {triggerClass: 'redflag/proc/command/high_severity'}}, mode: 'enforce', allowedFlags: [{class: 'redflag/proc/command/high_severity'}]},
	});
});
afterAll(async () => {
	await server.close();
});

function write(name: string, text: string): string {
	const file = path.join(dirs.cwd, name);
	fs.writeFileSync(file, text);
	return file;
}

describe('describe policy', () => {
	test('a file: kind and metadata, scope, process and connection summaries, in spyctl order', async () => {
		const policy = {apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: 'shop', type: 'container'}, spec};
		write('shop.yaml', toYaml(policy));
		const run = await cli(['describe', 'policy', '-f', 'shop.yaml'], dirs);
		expect(run.code).toBe(0);
		expect(run.stderr).toBe("Describing policy 'shop'\n");
		expect(run.stdout).toBe(
			[
				'kind: SpyderbatPolicy',
				'name: shop',
				'type: container',
				'scope:',
				'  containerSelector:',
				"    image: registry.example.com/shop:*",
				'  podSelector:',
				'    matchLabels:',
				'      app: shop',
				'Process Details:',
				'  Total process nodes: 3',
				'  Effective users:',
				'  - root',
				'  - www-data',
				'  Processes:',
				'    nginx:',
				'      count: 2',
				'      exes:',
				'      - /usr/sbin/nginx',
				'    sh:',
				'      count: 1',
				'      exes:',
				'      - /bin/sh',
				'      - /usr/bin/dash',
				'Connection Details:',
				'  Total connection nodes: 3',
				'  Ports used:',
				'  - 53',
				'  - 443',
				'  - 8000',
				'  Ingress:',
				'    Peers:',
				'    - 10.0.0.0/8 except 10.9.0.0/16',
				'    Ports:',
				'    - 443/TCP',
				'    Processes:',
				'    - nginx_0',
				'  Egress:',
				'    Peers:',
				'    - 127.0.0.1/32',
				'    - 192.168.1.0/24',
				'    - api.example.com',
				'    Ports:',
				'    - 53/UDP',
				'    - 8000-8080/TCP',
				'    Processes:',
				'    - nginx_1',
				'    - sh_0',
				'',
			].join('\n'),
		);
	});

	test('a policy from the API, by name or uid: its server metadata comes along', async () => {
		for (const word of ['shop', uid, uid.slice(4)]) {
			const run = await cli(['describe', 'policy', word], dirs);
			expect(run.code).toBe(0);
			const description = jsyaml.load(run.stdout) as Record<string, unknown>;
			expect(description).toMatchObject({kind: 'SpyderbatPolicy', name: 'shop', uid, version: 1, scope: {podSelector: {matchLabels: {app: 'shop'}}}});
			expect(description['Process Details']).toMatchObject({'Total process nodes': 3});
		}
	});

	test('-f with a name picks that policy out of a list', async () => {
		const items = {apiVersion: 'spyderbat/v1', items: [samplePolicy('first'), samplePolicy('second')]};
		write('two.yaml', toYaml(items));
		const run = await cli(['describe', 'policy', 'second', '-f', 'two.yaml'], dirs);
		expect(run.code).toBe(0);
		expect(jsyaml.load(run.stdout)).toMatchObject({name: 'second', scope: {containerSelector: {image: 'registry.example.com/second:*'}}});
		const unnamed = await cli(['describe', 'policy', '-f', 'two.yaml'], dirs);
		expect(unnamed).toEqual({code: 1, stdout: '', stderr: "Error: 'two.yaml' holds 2 policies (first, second); name the one to describe\n"});
	});

	test('--lookup-dns adds a DNS MAP and never fails on a lookup', async () => {
		const run = await cli(['describe', 'policy', 'shop', '--lookup-dns'], dirs);
		expect(run.code).toBe(0);
		const map = (jsyaml.load(run.stdout) as {'Connection Details': {'DNS MAP': Record<string, string[]>}})['Connection Details']['DNS MAP'];
		// What resolves depends on the machine; every single address and name is accounted for either way.
		const accounted = Object.entries(map).flatMap(([key, values]) => (key.startsWith('unknown') ? values : [key, ...values]));
		expect(accounted).toEqual(expect.arrayContaining(['127.0.0.1', 'api.example.com']));
		expect(Object.keys(map).slice(-2)).toEqual(['unknown ips', 'unknown hostnames']);
	});
});

describe('describe policy, bad inputs', () => {
	test('an unknown policy is one line, exit 1', async () => {
		expect(await cli(['describe', 'policy', 'nope'], dirs)).toEqual({code: 1, stdout: '', stderr: "Error: No policies matching name_or_uid 'nope'.\n"});
	});

	test('an ambiguous name lists the candidates, exit 1', async () => {
		const run = await cli(['describe', 'policy', 'twin'], dirs);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^Error: Policy name 'twin' is ambiguous, use the uid: twin-a \(pol:\w+\), twin-b \(pol:\w+\)\n$/);
	});

	test('an invalid file is reported as file:line:col, exit 1', async () => {
		write('bad.yaml', toYaml({apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: 'bad', type: 'container'}, spec: {...spec, mode: 'loud'}}));
		const run = await cli(['describe', 'policy', '-f', 'bad.yaml'], dirs);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/^bad\.yaml:\d+:\d+: spec\.mode: .*\nError: Invalid object in 'bad\.yaml' \(1 problem\)\.\n$/);
	});

	test('a file of another kind, and a policy without processes, are refused', async () => {
		const {containerSelector, processPolicy, networkPolicy} = spec;
		write('baseline.yaml', toYaml({apiVersion: 'spyderbat/v1', kind: 'SpyderbatBaseline', metadata: {name: 'b', type: 'container'}, spec: {containerSelector, processPolicy, networkPolicy}}));
		expect(await cli(['describe', 'policy', '-f', 'baseline.yaml'], dirs)).toEqual({code: 1, stdout: '', stderr: "Error: File kind 'SpyderbatBaseline' is not 'SpyderbatPolicy'\n"});
		const trace = await cli(['describe', 'policy', 'quiet-traces'], dirs);
		expect(trace.code).toBe(1);
		expect(trace.stderr).toBe("Error: Policy type 'trace' is not a Guardian Policy type (container, linux-service): it has no processes or connections to describe\n");
	});

	test('a server that is down is one line, exit 1', async () => {
		const run = await cli(['describe', 'policy', 'shop'], homeWithServerDown());
		expect(run).toEqual({code: 1, stdout: '', stderr: 'Error: listing organizations failed: connection refused (127.0.0.1:1)\n'});
	});

	test('neither a name nor a file is a usage error', async () => {
		expect(await cli(['describe', 'policy'], dirs)).toEqual({code: 2, stdout: '', stderr: 'Error: name a policy or give a file with -f\n'});
	});
});
