import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse} from 'yaml';
import {cli, type CliOptions, tempDir} from '../helpers/cli.js';

const policy = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: web
  type: container
spec:
  containerSelector:
    image: nginx
  mode: audit
  processPolicy:
  - name: nginx
    exe: [/usr/sbin/nginx]
    id: nginx_0
    euser: [root]
  networkPolicy:
    ingress:
    - from:
      - ipBlock:
          cidr: 10.0.0.0/8
      ports:
      - protocol: TCP
        port: 80
      processes: [nginx_0]
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;

/** A baseline of the same workload that saw one more process and one more connection. */
const extra = `apiVersion: spyderbat/v1
kind: SpyderbatBaseline
metadata:
  name: web
  type: container
spec:
  containerSelector:
    image: nginx
  processPolicy:
  - name: nginx
    exe: [/usr/sbin/nginx]
    id: nginx_0
    euser: [root]
    children:
    - name: sh
      exe: [/bin/dash]
      id: sh_0
  networkPolicy:
    ingress:
    - from:
      - ipBlock:
          cidr: 10.0.0.0/8
      ports:
      - protocol: TCP
        port: 443
      processes: [nginx_0]
    egress: []
`;

/** Another baseline whose new process has the same id as extra's: whichever merges first keeps sh_0. */
const other = extra.replace('name: sh', 'name: cat').replace('/bin/dash', '/bin/cat').replace('port: 443', 'port: 80');

function files(entries: Record<string, string>): {dir: string; at: (name: string) => string} {
	const dir = tempDir();
	for (const [name, text] of Object.entries(entries)) fs.writeFileSync(path.join(dir, name), text);
	return {dir, at: name => path.join(dir, name)};
}

async function diff(args: string[], options: CliOptions = {}) {
	const {dir} = files({'policy.yaml': policy, 'extra.yaml': extra, 'other.yaml': other});
	return cli(['diff', ...args], {cwd: dir, ...options});
}

describe('spytui diff: text output', () => {
	test('differences: the summary with + lines and a count line on stdout; exit 1', async () => {
		const run = await diff(['-f', 'policy.yaml', '-w', 'extra.yaml']);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe('');
		expect(run.stdout).toContain('\n+     - name: sh\n');
		expect(run.stdout).toContain('\n+         port: 443\n');
		expect(run.stdout).toMatch(/^ {2}apiVersion: spyderbat\/v1\n/);
		expect(run.stdout.endsWith('\n2 to add, 0 to change, 0 to remove\n')).toBe(true);
		expect(run.stdout).not.toMatch(/^- /m);
		expect(run.stdout).not.toContain('\x1b');
	});

	test('the summary folds far unchanged lines into ...; --full-diff shows them', async () => {
		const labels = Array.from({length: 20}, (_, index) => `      label${index}: value${index}\n`).join('');
		const long = policy.replace('    image: nginx\n', `    image: nginx\n  podSelector:\n    matchLabels:\n${labels}`);
		const {dir} = files({'policy.yaml': long, 'extra.yaml': extra.replace('    image: nginx\n', `    image: nginx\n  podSelector:\n    matchLabels:\n${labels}`)});
		const summary = await cli(['diff', '-f', 'policy.yaml', '-w', 'extra.yaml'], {cwd: dir});
		expect(summary.code).toBe(1);
		expect(summary.stdout).toContain('\n...\n');
		expect(summary.stdout).not.toContain('label10: value10');
		const full = await cli(['diff', '-f', 'policy.yaml', '-w', 'extra.yaml', '--full-diff'], {cwd: dir});
		expect(full.code).toBe(1);
		expect(full.stdout).not.toContain('\n...\n');
		expect(full.stdout).toContain('\n        label10: value10\n');
	});

	test('colour on a terminal, in spyctl\'s green', async () => {
		const run = await diff(['-f', 'policy.yaml', '-w', 'extra.yaml'], {stdoutIsTty: true});
		expect(run.stdout).toContain('\x1b[38;5;35m+     - name: sh\x1b[0m\n');
	});

	test.each([
		{name: 'NO_COLOR', args: [], env: {NO_COLOR: '1'}},
		{name: '--no-color', args: ['--no-color'], env: {}},
	])('no colour with $name, even on a terminal', async ({args, env}) => {
		const run = await diff([...args, '-f', 'policy.yaml', '-w', 'extra.yaml'], {stdoutIsTty: true, env});
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('+     - name: sh');
		expect(run.stdout).not.toContain('\x1b');
	});

	test('an empty NO_COLOR does not turn colour off (no-color.org)', async () => {
		const run = await diff(['-f', 'policy.yaml', '-w', 'extra.yaml'], {stdoutIsTty: true, env: {NO_COLOR: ''}});
		expect(run.stdout).toContain('\x1b[38;5;35m');
	});

	test('several -w files, comma separated or repeated, merge in order', async () => {
		for (const args of [['-w', 'extra.yaml,other.yaml'], ['-w', 'extra.yaml', '-w', 'other.yaml']]) {
			const run = await diff(['-f', 'policy.yaml', ...args, '--full-diff']);
			expect(run.code).toBe(1);
			expect(run.stdout).toContain('+       - /bin/dash\n+       id: sh_0\n');
			expect(run.stdout).toContain('+       - /bin/cat\n+       id: sh_1\n');
		}
		const reversed = await diff(['-f', 'policy.yaml', '-w', 'other.yaml,extra.yaml', '--full-diff']);
		expect(reversed.stdout).toContain('+       - /bin/cat\n+       id: sh_0\n');
	});

	test('the target can come from standard input', async () => {
		const {dir} = files({'extra.yaml': extra});
		const run = await cli(['diff', '-f', '-', '-w', 'extra.yaml'], {cwd: dir, stdin: policy});
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('+     - name: sh');
	});
});

describe('spytui diff: object output', () => {
	test('-o yaml marks process nodes and exploded network entries', async () => {
		const run = await diff(['-f', 'policy.yaml', '-w', 'extra.yaml', '-o', 'yaml']);
		expect(run.code).toBe(1);
		const object = parse(run.stdout) as {spec: {processPolicy: Array<{id: string; diff?: string; children: Array<{id: string; diff?: string}>}>; networkPolicy: {ingress: unknown[]}}};
		expect(object.spec.processPolicy[0]).not.toHaveProperty('diff');
		expect(object.spec.processPolicy[0]!.children[0]).toMatchObject({id: 'sh_0', diff: 'added'});
		expect(object.spec.networkPolicy.ingress).toEqual([
			{from: [{ipBlock: {cidr: '10.0.0.0/8'}}], ports: [{protocol: 'TCP', port: 80}], processes: ['nginx_0']},
			{from: [{ipBlock: {cidr: '10.0.0.0/8'}}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_0'], diff: 'added'},
		]);
	});

	test('-o json is the same object as JSON', async () => {
		const yamlRun = await diff(['-f', 'policy.yaml', '-w', 'extra.yaml', '-o', 'yaml']);
		const jsonRun = await diff(['-f', 'policy.yaml', '-w', 'extra.yaml', '-o', 'json']);
		expect(jsonRun.code).toBe(1);
		expect(JSON.parse(jsonRun.stdout)).toEqual(parse(yamlRun.stdout));
	});
});

describe('spytui diff: exit codes 0 / 1 / 2', () => {
	test('no differences: spyctl\'s message on stderr, nothing on stdout, exit 0', async () => {
		const run = await diff(['-f', 'policy.yaml', '-w', 'policy.yaml']);
		expect(run).toEqual({code: 0, stdout: '', stderr: "diff of local file 'policy.yaml' produced no updates to the 'spec' field.. skipping\n"});
	});

	test('an object of another type is skipped with a reason; nothing left to diff is exit 0', async () => {
		const {dir} = files({'policy.yaml': policy, 'svc.yaml': extra.replace('type: container', 'type: linux-service').replace(/containerSelector:\n {4}image: nginx/, 'serviceSelector:\n    cgroup: systemd:/system.slice/x.service')});
		const run = await cli(['diff', '-f', 'policy.yaml', '-w', 'svc.yaml'], {cwd: dir});
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/type mismatch.*Skipping/);
		expect(run.stderr).toContain("produced no updates to the 'spec' field.. skipping");
	});

	test('a missing file is an error: exit 2', async () => {
		const run = await diff(['-f', 'policy.yaml', '-w', 'missing.yaml']);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('missing.yaml: no such file');
		expect(run.stderr).toContain("Error: Invalid object in 'missing.yaml' (1 problem).");
	});

	test('an invalid file is reported as file:line:col and exits 2', async () => {
		const {dir} = files({'policy.yaml': policy.replace('severity: high', 'severity: urgent'), 'extra.yaml': extra});
		const run = await cli(['diff', '-f', 'policy.yaml', '-w', 'extra.yaml'], {cwd: dir});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('policy.yaml:28:19: spec.response.default[0].makeRedFlag.severity: must be one of');
	});

	test('problems in several files are all reported', async () => {
		const {dir} = files({'policy.yaml': policy.replace('id: nginx_0\n    euser', 'id: nginx_0\n    names: x\n    euser'), 'extra.yaml': 'not: [closed'});
		const run = await cli(['diff', '-f', 'policy.yaml', '-w', 'extra.yaml'], {cwd: dir});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^policy\.yaml:14:5: .*unknown field 'names'/m);
		expect(run.stderr).toMatch(/^extra\.yaml:1:\d+: not valid YAML or JSON/m);
		expect(run.stderr).toContain("Error: Invalid objects in 'policy.yaml', 'extra.yaml' (2 problems).");
	});

	test.each([
		{name: 'no -w', args: ['-f', 'policy.yaml']},
		{name: 'no -f', args: ['-w', 'extra.yaml']},
		{name: 'an empty -w list', args: ['-f', 'policy.yaml', '-w', ',']},
		{name: 'an unknown -o format', args: ['-f', 'policy.yaml', '-w', 'extra.yaml', '-o', 'table']},
		{name: 'standard input twice', args: ['-f', '-', '-w', '-']},
	])('usage error ($name): exit 2', async ({args}) => {
		const run = await diff(args);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).not.toBe('');
	});

	test('a target file with several objects is an error', async () => {
		const {dir} = files({'list.yaml': JSON.stringify({apiVersion: 'spyderbat/v1', items: [parse(policy), parse(policy)]}), 'extra.yaml': extra});
		const run = await cli(['diff', '-f', 'list.yaml', '-w', 'extra.yaml'], {cwd: dir});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("'list.yaml' holds 2 objects; the target must be one policy or baseline.");
	});

	test('a target that is not a policy or baseline is an error, as in spyctl', async () => {
		const {dir} = files({'fingerprint.yaml': extra.replace('SpyderbatBaseline', 'SpyderbatFingerprint'), 'extra.yaml': extra});
		const run = await cli(['diff', '-f', 'fingerprint.yaml', '-w', 'extra.yaml'], {cwd: dir});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("Error: The 'diff' command is not supported for SpyderbatFingerprint (local file 'fingerprint.yaml')");
	});

	test('a target that cannot take a merge (a cluster policy) is an error', async () => {
		const cluster = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata: {name: c, type: cluster}
spec:
  clusterSelector: {matchFields: {name: c1}}
  mode: audit
  rulesets: [r]
  response: {default: [{makeRedFlag: {severity: high}}], actions: []}
`;
		const {dir} = files({'cluster.yaml': cluster, 'extra.yaml': extra});
		const run = await cli(['diff', '-f', 'cluster.yaml', '-w', 'extra.yaml'], {cwd: dir});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^Error: The 'diff' command cannot use local file 'cluster.yaml': /m);
	});

	test('--help documents the exit codes', async () => {
		const run = await cli(['diff', '--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('0 no differences, 1 differences found, 2 error');
	});
});
