import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse} from 'yaml';
import {cli, tempDir} from '../helpers/cli.js';
import {containerPolicyYaml} from '../policy/helpers.js';
import {haveFixtures, fixtureTitle, resourcesDir} from '../policy/merge/fixture-files.js';

const baseline = (process: string, exe: string) => `apiVersion: spyderbat/v1
kind: SpyderbatBaseline
metadata: {name: seen, type: container, latestTimestamp: 1700000000}
spec:
  containerSelector: {image: spyderbat-test}
  processPolicy:
  - {name: ${process}, exe: [${exe}], id: ${process}_0, euser: [root]}
  networkPolicy: {ingress: [], egress: []}
`;

type Policy = {metadata: Record<string, unknown>; spec: {processPolicy: Array<{id: string; name: string}>} & Record<string, unknown>};

/** A folder holding the policy (p.yaml) and the given files. */
function folder(files: Record<string, string>): {dir: string; at: (name: string) => string} {
	const dir = tempDir();
	for (const [name, text] of Object.entries({'p.yaml': containerPolicyYaml, ...files})) fs.writeFileSync(path.join(dir, name), text);
	return {dir, at: name => path.join(dir, name)};
}

function rootNames(text: string): string[] {
	return (parse(text) as Policy).spec.processPolicy.map(root => root.name);
}

function identity(file: string): {dev: number; ino: number} {
	const stats = fs.statSync(file);
	return {dev: stats.dev, ino: stats.ino};
}

describe(fixtureTitle('spytui merge with spyctl\'s test resources'), () => {
	test.skipIf(!haveFixtures)('merges test_baseline_extra.yaml into test_policy.yaml on stdout', async () => {
		const run = await cli(['merge', '-f', path.join(resourcesDir, 'test_policy.yaml'), '-w', path.join(resourcesDir, 'test_baseline_extra.yaml')]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		// spyctl's own test looks for these lines.
		expect(run.stdout).toContain('\n    - name: python3.7');
		expect(run.stdout).toContain('\n    - name: sh');
		const python = (parse(run.stdout) as {spec: {processPolicy: Array<{id: string; children: Array<{id: string}>}>}}).spec.processPolicy[0]!;
		expect(python.children.map(child => child.id)).toEqual(['python3.7_0', 'sh_0']);
	});
});

describe('spytui merge', () => {
	test('prints the merge and leaves the files alone; -w takes a comma list and repeats', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl'), 'b.yaml': baseline('awk', '/usr/bin/awk'), 'c.yaml': baseline('id', '/usr/bin/id')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml,b.yaml', '-w', 'c.yaml'], {cwd: dir});
		expect(run).toMatchObject({code: 0, stderr: ''});
		expect(rootNames(run.stdout)).toEqual(['python', 'curl', 'awk', 'id']);
		expect(fs.readFileSync(at('p.yaml'), 'utf8')).toBe(containerPolicyYaml);
	});

	test('-o json prints JSON', async () => {
		const {dir} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml', '-o', 'json'], {cwd: dir});
		expect(rootNames(run.stdout)).toEqual(['python', 'curl']);
		expect(run.stdout.startsWith('{\n  "apiVersion"')).toBe(true);
	});

	test('`> p.yaml` emptied the input: exit 1 saying what happened and how to recover, nothing written', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		fs.writeFileSync(at('p.yaml'), '');
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml'], {cwd: dir, stdoutFile: identity(at('p.yaml'))});
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain("standard output is redirected to 'p.yaml', the file to merge into: the shell emptied it before spytui started");
		expect(run.stderr).toContain('git checkout');
		expect(run.stderr).toContain('--in-place');
		expect(fs.readFileSync(at('p.yaml'), 'utf8')).toBe('');
	});

	test('the truncation message points at p.yaml.bak when an earlier --in-place left one', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl'), 'p.yaml.bak': containerPolicyYaml});
		fs.writeFileSync(at('p.yaml'), '');
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml'], {cwd: dir, stdoutFile: identity(at('p.yaml'))});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("Restore it from 'p.yaml.bak'");
	});

	test('`>> p.yaml` (nothing lost yet) is refused too: the merge would land inside its input', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml'], {cwd: dir, stdoutFile: identity(at('p.yaml'))});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("standard output goes to 'p.yaml', the file to merge into: the merge would be written into its own input.");
		expect(fs.readFileSync(at('p.yaml'), 'utf8')).toBe(containerPolicyYaml);
	});

	test('stdout redirected to a with-file is caught too', async () => {
		const {dir, at} = folder({'a.yaml': ''});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml'], {cwd: dir, stdoutFile: identity(at('a.yaml'))});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("'a.yaml', one of the files to merge with");
	});

	test('-O onto the input is refused; --in-place is the way', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml', '-O', './p.yaml'], {cwd: dir});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("Refusing to write the merge to './p.yaml': it is an input of this merge. Use --in-place");
		expect(fs.readFileSync(at('p.yaml'), 'utf8')).toBe(containerPolicyYaml);
	});

	test('-O writes another file, in the format its name asks for', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml', '-O', 'merged.json'], {cwd: dir});
		expect(run).toMatchObject({code: 0, stdout: '', stderr: 'Saved output to merged.json\n'});
		expect(rootNames(fs.readFileSync(at('merged.json'), 'utf8'))).toEqual(['python', 'curl']);
		expect(fs.readFileSync(at('merged.json'), 'utf8').startsWith('{')).toBe(true);
	});

	test('--in-place replaces the file and keeps the previous version as .bak; a second run changes nothing', async () => {
		const {dir, at} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		const first = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml', '--in-place'], {cwd: dir});
		expect(first).toMatchObject({code: 0, stdout: '', stderr: 'Merged into p.yaml (previous version kept in p.yaml.bak)\n'});
		expect(fs.readFileSync(at('p.yaml.bak'), 'utf8')).toBe(containerPolicyYaml);
		const merged = fs.readFileSync(at('p.yaml'), 'utf8');
		expect(rootNames(merged)).toEqual(['python', 'curl']);

		const second = await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml', '--in-place'], {cwd: dir});
		expect(second.code).toBe(0);
		expect(second.stderr).toBe("merge of local file 'p.yaml' produced no updates to the 'spec' field.. skipping\n");
		expect(fs.readFileSync(at('p.yaml'), 'utf8')).toBe(merged);
		expect(fs.readFileSync(at('p.yaml.bak'), 'utf8')).toBe(containerPolicyYaml);
	});

	test('--in-place keeps a JSON policy JSON', async () => {
		const {dir, at} = folder({'p.json': JSON.stringify(parse(containerPolicyYaml), null, 2), 'a.yaml': baseline('curl', '/usr/bin/curl')});
		expect((await cli(['merge', '-f', 'p.json', '-w', 'a.yaml', '--in-place'], {cwd: dir})).code).toBe(0);
		expect(rootNames(fs.readFileSync(at('p.json'), 'utf8'))).toEqual(['python', 'curl']);
		expect(fs.readFileSync(at('p.json'), 'utf8').startsWith('{')).toBe(true);
	});

	test('conflicting or impossible destinations are usage errors', async () => {
		const {dir} = folder({'a.yaml': baseline('curl', '/usr/bin/curl')});
		expect((await cli(['merge', '-f', 'p.yaml', '-w', 'a.yaml', '--in-place', '-O', 'x.yaml'], {cwd: dir})).code).toBe(2);
		expect((await cli(['merge', '-f', '-', '-w', 'a.yaml', '--in-place'], {cwd: dir, stdin: containerPolicyYaml})).code).toBe(2);
		expect((await cli(['merge', '-f', '-', '-w', '-'], {cwd: dir})).code).toBe(2);
		expect((await cli(['merge', '-f', 'p.yaml', '-p', 'web'], {cwd: dir})).code).toBe(2);
	});

	test('without -w the target\'s deviations are merged, so an unapplied file is refused before any API call', async () => {
		const {dir} = folder({});
		const run = await cli(['merge', '-f', 'p.yaml'], {cwd: dir});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("Target local file 'p.yaml' has not been applied, no deviations to diff with");
	});

	test('nothing new: spyctl\'s message, and the policy is still printed so a pipeline keeps it', async () => {
		const {dir} = folder({'same.yaml': baseline('python', '/usr/local/bin/python3.7')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'same.yaml'], {cwd: dir});
		expect(run.code).toBe(0);
		expect(run.stderr).toBe("merge of local file 'p.yaml' produced no updates to the 'spec' field.\n");
		const printed = parse(run.stdout) as Policy;
		expect(printed.spec).toEqual((parse(containerPolicyYaml) as Policy).spec);
		expect(printed.metadata['latestTimestamp']).toBe(1_700_000_000);
	});

	test('merging a file with itself says so', async () => {
		const {dir} = folder({});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'p.yaml'], {cwd: dir});
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('merge target and with-object are the same.. skipping\n');
	});

	test('an object of another type is skipped with spyctl\'s message', async () => {
		const service = baseline('sshd', '/usr/sbin/sshd').replace('type: container', 'type: linux-service').replace('containerSelector: {image: spyderbat-test}', 'serviceSelector: {cgroup: "systemd:/system.slice/ssh.service"}');
		const {dir} = folder({'svc.yaml': service});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'svc.yaml'], {cwd: dir});
		expect(run.code).toBe(0);
		expect(run.stderr).toContain("Error type mismatch. Trying to merge local file 'p.yaml' of type 'container' with 'SpyderbatBaseline' object of type 'linux-service'. Skipping...");
	});

	test('a merge whose result would be invalid is reported and not written', async () => {
		const {dir, at} = folder({'other.yaml': baseline('curl', '/usr/bin/curl').replace('image: spyderbat-test', 'image: another-image')});
		const run = await cli(['merge', '-f', 'p.yaml', '-w', 'other.yaml', '--in-place'], {cwd: dir});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain("spec: Type is 'container' and no 'containerSelector' found in spec");
		expect(run.stderr).toContain("Error: The merge of local file 'p.yaml' produced an invalid SpyderbatPolicy; nothing was written.");
		expect(fs.readFileSync(at('p.yaml'), 'utf8')).toBe(containerPolicyYaml);
	});

	test('bad inputs fail naming the file', async () => {
		const {dir} = folder({'broken.yaml': 'kind: [', 'group.yaml': 'apiVersion: spyderbat/v1\nkind: FingerprintGroup\nmetadata: {}\ndata: {fingerprints: []}\n'});
		const broken = await cli(['merge', '-f', 'p.yaml', '-w', 'broken.yaml'], {cwd: dir});
		expect(broken.code).toBe(1);
		expect(broken.stderr).toMatch(/^broken\.yaml:1:\d+: not valid YAML or JSON/m);
		const missing = await cli(['merge', '-f', 'p.yaml', '-w', 'gone.yaml'], {cwd: dir});
		expect(missing.stderr).toContain('gone.yaml: no such file');
		const wrongTarget = await cli(['merge', '-f', 'group.yaml', '-w', 'p.yaml'], {cwd: dir});
		expect(wrongTarget.code).toBe(1);
		expect(wrongTarget.stderr).toContain("The 'merge' command is not supported for FingerprintGroup (local file 'group.yaml')");
		const empty = await cli(['merge', '-f', 'p.yaml', '-w', 'group.yaml'], {cwd: dir});
		expect(empty.code).toBe(0);
		expect(empty.stderr).toBe("Local file 'p.yaml' has nothing to merge with... skipping.\n");
	});
});
