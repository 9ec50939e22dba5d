import jsyaml from 'js-yaml';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cli} from '../helpers/cli.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {createPolicy, homeWithContext, homeWithServerDown} from './api-context.js';

let server: TestServer;
let dirs: {home: string; cwd: string};
let web: string;
const t = Date.now() / 1000;

/** A GuardianDeviation of `web` with these process and egress entries. */
function deviation(processPolicy: unknown[], egress: unknown[] = []) {
	return {apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: {type: 'container', policy_uid: web}, spec: {processPolicy, networkPolicy: {ingress: [], egress}}};
}

const shell = [{name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['root']}];
/** The policy's own nginx node: merging it changes nothing. */
const nginx = [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root']}];
const egress = [{to: [{dnsSelector: ['api.example.com']}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_0']}];

beforeAll(async () => {
	server = await startTestServer();
	dirs = homeWithContext(server);
	web = await createPolicy(server, 'dev-web');
	await createPolicy(server, 'dev-idle');
	await createPolicy(server, 'dev-twin-a');
	await createPolicy(server, 'dev-twin-b');
	const insert = (id: string, checksum: string, time: number, document: ReturnType<typeof deviation>) =>
		server.records.insertDeviation({id, checksum, time, policy_uid: web, deviation: document});
	// The embedded server keeps one record per checksum, so unique and total agree here (test/operations/deviations.test.ts counts repeats).
	insert('dev:shell', 'c-shell', t - 1000, deviation(shell));
	insert('dev:nginx', 'c-nginx', t - 800, deviation(nginx));
	insert('dev:egress', 'c-egress', t - 100, deviation([], egress));
	insert('dev:old', 'c-old', t - 3 * 86_400, deviation([{name: 'perl', exe: ['/usr/bin/perl'], id: 'perl_0'}]));
});
afterAll(async () => {
	await server.close();
});

/** The DEVIATIONS_(UNIQ/TOT) cell of each policy row, by name. */
function counts(table: string): Record<string, string> {
	const [header, ...rows] = table.trimEnd().split('\n');
	expect(header).toMatch(/^UID +NAME +STATUS +TYPE +VERSION +CREATE_TIME +DEVIATIONS_\(UNIQ\/TOT\)$/);
	return Object.fromEntries(rows.map(row => row.split(/ {2,}/)).map(cells => [cells[1], cells.at(-1)]));
}

describe('get deviations', () => {
	test('the default is the policy table with relevant deviations counted, unique/total, over the last 24 hours', async () => {
		const run = await cli(['get', 'deviations', '--policies', 'dev-web,dev-idle'], dirs);
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/^Getting policy deviations from \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ to \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
		// The nginx deviation is already in the policy, so it does not count.
		expect(counts(run.stdout)).toEqual({'dev-idle': '0/0', 'dev-web': '2/2'});
	});

	test('--include-irrelevant counts them all; -t widens the window', async () => {
		expect(counts((await cli(['get', 'deviations', '--policies', web, '--include-irrelevant'], dirs)).stdout)).toEqual({'dev-web': '3/3'});
		expect(counts((await cli(['get', 'deviations', '--policies', web, '-t', '4d'], dirs)).stdout)).toEqual({'dev-web': '3/3'});
	});

	test('without --policies every policy is listed', async () => {
		const run = await cli(['get', 'deviations'], dirs);
		expect(Object.keys(counts(run.stdout))).toEqual(['dev-idle', 'dev-twin-a', 'dev-twin-b', 'dev-web']);
	});

	test('-o yaml prints the relevant deviations, one per checksum, each carrying its checksum', async () => {
		const run = await cli(['get', 'deviations', '--policies', 'dev-web', '-o', 'yaml'], dirs);
		expect(run.code).toBe(0);
		const output = jsyaml.load(run.stdout) as {apiVersion: string; items: Array<{kind: string; metadata: Record<string, unknown>}>};
		expect(output.apiVersion).toBe('spyderbat/v1');
		expect(output.items.map(item => [item.kind, item.metadata['checksum'], item.metadata['policy_uid']])).toEqual([
			['GuardianDeviation', 'c-shell', web],
			['GuardianDeviation', 'c-egress', web],
		]);
	});

	test('--include-irrelevant adds the deviations already merged; a single deviation is printed on its own, as JSON with -o json', async () => {
		const all = jsyaml.load((await cli(['get', 'deviations', '--policies', web, '-o', 'yaml', '--include-irrelevant', '--non-unique'], dirs)).stdout) as {items: Array<{metadata: {checksum: string}}>};
		expect(all.items.map(item => item.metadata.checksum)).toEqual(['c-shell', 'c-nginx', 'c-egress']);
		const one = await cli(['get', 'deviations', '--policies', web, '-o', 'json', '-t', '5m'], dirs);
		expect(JSON.parse(one.stdout)).toEqual({...deviation([], egress), metadata: {type: 'container', policy_uid: web, checksum: 'c-egress'}});
	});

	test('a NAME_OR_UID narrows the table as get policies NAME does; -E matches it exactly', async () => {
		expect(Object.keys(counts((await cli(['get', 'deviations', 'twin'], dirs)).stdout))).toEqual(['dev-twin-a', 'dev-twin-b']);
		expect(Object.keys(counts((await cli(['get', 'deviations', 'dev-twin-a', '-E'], dirs)).stdout))).toEqual(['dev-twin-a']);
		expect(counts((await cli(['get', 'deviations', 'dev-web'], dirs)).stdout)).toEqual({'dev-web': '2/2'});
		const both = await cli(['get', 'deviations', 'dev-web', '--policies', 'dev-idle'], dirs);
		expect(both.code).toBe(2);
		expect(both.stderr).toContain('give a NAME_OR_UID or --policies, not both');
	});

	test('--raw-data prints the search records themselves, as YAML, or JSON with -o json', async () => {
		const yaml = jsyaml.load((await cli(['get', 'deviations', 'dev-web', '--raw-data'], dirs)).stdout) as Array<Record<string, unknown>>;
		expect(yaml.map(record => [record['id'], record['checksum'], record['policy_uid']])).toEqual([
			['dev:shell', 'c-shell', web],
			['dev:egress', 'c-egress', web],
		]);
		expect((yaml[0]!['deviation'] as {kind: string}).kind).toBe('GuardianDeviation');
		const json = JSON.parse((await cli(['get', 'deviations', 'dev-web', '--raw-data', '-o', 'json', '-t', '5m'], dirs)).stdout) as Array<{id: string; time: number}>;
		expect(json.map(record => record.id)).toEqual(['dev:egress']);
		expect(json[0]!.time).toBeCloseTo(t - 100, 0);
	});

	test('nothing to print says so on stderr', async () => {
		const run = await cli(['get', 'deviations', '--policies', 'dev-twin-a', '-o', 'yaml'], dirs);
		expect(run).toMatchObject({code: 0, stdout: ''});
		expect(run.stderr).toMatch(/\nNo deviations found\n$/);
	});
});

describe('get policies --get-deviations', () => {
	test('adds the DEVIATIONS_(UNIQ/TOT) column, 0/0 for policies without any', async () => {
		const run = await cli(['get', 'policies', 'dev-', '--get-deviations'], dirs);
		expect(run.code).toBe(0);
		expect(counts(run.stdout)).toEqual({'dev-idle': '0/0', 'dev-twin-a': '0/0', 'dev-twin-b': '0/0', 'dev-web': '2/2'});
		expect(run.stderr).toMatch(/^Getting policies\nGetting policy deviations from \S+ to \S+\n$/);
	});

	test('the plain table is unchanged without it', async () => {
		const run = await cli(['get', 'policies', 'dev-web'], dirs);
		expect(run.stdout.split('\n')[0]).toMatch(/^UID +NAME +STATUS +TYPE +VERSION +CREATE_TIME$/);
	});
});

describe('get deviations, bad inputs', () => {
	test('an unknown policy is one line, exit 1', async () => {
		expect(await cli(['get', 'deviations', '--policies', 'dev-web,nope'], dirs)).toEqual({code: 1, stdout: '', stderr: "Error: No policies matching name_or_uid 'nope'.\n"});
	});

	test('an ambiguous name lists the candidates, exit 1', async () => {
		const run = await cli(['get', 'deviations', '--policies', 'dev-twin'], dirs);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^Error: Policy name 'dev-twin' is ambiguous, use the uid: dev-twin-a \(pol:\w+\), dev-twin-b \(pol:\w+\)\n$/);
	});

	test('a server that is down is one line, exit 1', async () => {
		expect(await cli(['get', 'deviations'], homeWithServerDown())).toEqual({code: 1, stdout: '', stderr: 'Error: listing organizations failed: connection refused (127.0.0.1:1)\n'});
	});

	test('an unknown output format or a bad time is a usage error', async () => {
		expect((await cli(['get', 'deviations', '-o', 'wide'], dirs)).code).toBe(2);
		const time = await cli(['get', 'policies', '--get-deviations', '-t', 'soon'], dirs);
		expect(time.code).toBe(2);
		expect(time.stderr).toContain("invalid time input 'soon'");
	});
});
