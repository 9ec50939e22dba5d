import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse} from 'yaml';
import {cli, tempDir} from '../helpers/cli.js';
import {fixtureObject, fixtureTitle, haveFixtures, resourcesDir} from '../policy/merge/fixture-files.js';

const fingerprint = `apiVersion: spyderbat/v1
kind: SpyderbatFingerprint
metadata:
  name: web
  type: container
  latestTimestamp: 1700000000
spec:
  containerSelector:
    image: registry.io/web:v1
    imageID: sha256:abc
  processPolicy:
  - name: nginx
    exe: [/usr/sbin/nginx]
    id: nginx_0
    euser: [root]
  networkPolicy:
    ingress:
    - from: [{ipBlock: {cidr: 10.0.0.0/8}}]
      ports: [{protocol: TCP, port: 80}]
      processes: [nginx_0]
    egress:
    - to: [{ipBlock: {cidr: 8.8.8.8/32}}]
      ports: [{protocol: UDP, port: 53}]
`;

function write(name: string, text: string): {dir: string; file: string} {
	const dir = tempDir();
	const file = path.join(dir, name);
	fs.writeFileSync(file, text);
	return {dir, file};
}

describe(fixtureTitle('spytui create policy with spyctl\'s test resources'), () => {
	test.skipIf(!haveFixtures)('from test_baseline.yaml prints test_policy.yaml and leaves the input alone', async () => {
		const {file} = write('baseline.yaml', fs.readFileSync(path.join(resourcesDir, 'test_baseline.yaml'), 'utf8'));
		const before = fs.readFileSync(file, 'utf8');
		const run = await cli(['create', 'policy', '--from-file', file]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(JSON.stringify(parse(run.stdout))).toBe(JSON.stringify(fixtureObject('test_policy.yaml')));
		expect(fs.readFileSync(file, 'utf8')).toBe(before);
	});

	test.skipIf(!haveFixtures)('from test_fprint_group.yaml numbers the second fingerprint\'s processes after the first\'s', async () => {
		const run = await cli(['create', 'policy', '-f', path.join(resourcesDir, 'test_fprint_group.yaml'), '-o', 'json']);
		expect(run.code).toBe(0);
		const policy = JSON.parse(run.stdout) as {metadata: unknown; spec: {processPolicy: Array<{id: string; children?: Array<{id: string}>}>}};
		expect(policy.metadata).toEqual(fixtureObject('test_created_policy.yaml')['metadata']);
		expect(policy.spec.processPolicy.map(root => [root.id, root.children?.[0]?.id])).toEqual([
			['python_0', 'sh_0'],
			['sh_1', 'python_1'],
		]);
	});
});

describe('spytui create policy', () => {
	test('reads standard input with -f - and prints YAML with the response template', async () => {
		const run = await cli(['create', 'policy', '-f', '-', '--name', 'web-policy'], {stdin: fingerprint});
		expect(run.code).toBe(0);
		const policy = parse(run.stdout) as {metadata: Record<string, unknown>; spec: Record<string, unknown>};
		expect(policy.metadata).toEqual({name: 'web-policy', type: 'container', latestTimestamp: 1_700_000_000});
		expect(Object.keys(policy.spec)).toEqual(['containerSelector', 'mode', 'processPolicy', 'networkPolicy', 'response']);
		expect(policy.spec['containerSelector']).toEqual({image: 'registry.io/web:v1'});
		expect(policy.spec['response']).toEqual({default: [{makeRedFlag: {severity: 'high'}}], actions: []});
	});

	test('--mode, -d all, -D private-egress and --include-imageid', async () => {
		const {file} = write('fp.yaml', fingerprint);
		const run = await cli(['create', 'policy', '-f', file, '--mode', 'enforce', '-d', 'all', '-D', 'private-egress', '--include-imageid', '-o', 'json']);
		expect(run.code).toBe(0);
		const spec = (JSON.parse(run.stdout) as {spec: Record<string, unknown>}).spec;
		expect(spec).toMatchObject({mode: 'enforce', disableProcesses: 'all', disablePrivateConnections: 'egress', processPolicy: [], containerSelector: {imageID: 'sha256:abc'}});
		// 8.8.8.8 is public, so the egress rule stays; the ingress rule loses its process reference.
		expect(spec['networkPolicy']).toEqual({
			ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/8'}}], ports: [{protocol: 'TCP', port: 80}]}],
			egress: [{to: [{ipBlock: {cidr: '8.8.8.8/32'}}], ports: [{protocol: 'UDP', port: 53}]}],
		});
	});

	test('an invalid input is reported with file, line and column, and nothing is printed', async () => {
		const {file} = write('bad.yaml', fingerprint.replace('port: 80}', 'port: 99999}'));
		const run = await cli(['create', 'policy', '-f', file]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(new RegExp(`^${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: spec\\.networkPolicy\\.ingress\\[0\\]\\.ports\\[0\\]\\.port: `, 'm'));
		expect(run.stderr).toContain(`Error: Invalid object in '${file}' (1 problem).`);
	});

	test('a missing file is named', async () => {
		const run = await cli(['create', 'policy', '-f', 'no-such.yaml'], {cwd: tempDir()});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('no-such.yaml: no such file');
	});

	test('a policy that would be invalid is refused, saying why', async () => {
		const {file} = write('fp.yaml', fingerprint.replace('    image: registry.io/web:v1\n', ''));
		const run = await cli(['create', 'policy', '-f', file]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('spec.containerSelector: containerSelector needs at least one field');
		expect(run.stderr).toContain(`Error: Created policy failed validation. (from '${file}')`);
	});

	test('an unknown choice is a usage error', async () => {
		const {file} = write('fp.yaml', fingerprint);
		expect((await cli(['create', 'policy', '-f', file, '--mode', 'strict'])).code).toBe(2);
		expect((await cli(['create', 'policy', '-f', file, '-D', 'sideways'])).code).toBe(2);
		expect((await cli(['create', 'policy'])).code).toBe(2);
	});
});
