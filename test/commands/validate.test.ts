import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {cli, tempDir} from '../helpers/cli.js';

const valid = `apiVersion: spyderbat/v1
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
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;

function write(name: string, text: string | Buffer): {dir: string; file: string} {
	const dir = tempDir();
	const file = path.join(dir, name);
	fs.writeFileSync(file, text);
	return {dir, file};
}

describe('spytui validate', () => {
	test('a valid policy prints "<Kind> valid!" and exits 0', async () => {
		const {file} = write('p.yaml', valid);
		const run = await cli(['validate', '-f', file]);
		expect(run).toMatchObject({code: 0, stdout: ''});
		expect(run.stderr).toBe('SpyderbatPolicy valid!\n');
	});

	test('an items list prints "List of objects valid!"', async () => {
		const items = `apiVersion: spyderbat/v1\nitems:\n${valid.replace(/^/gm, '  ').replace(/^ {2}apiVersion/, '- apiVersion')}`;
		const {file} = write('list.yaml', items);
		const run = await cli(['validate', '-f', file]);
		expect(run.stderr).toBe('List of objects valid!\n');
		expect(run.code).toBe(0);
	});

	test('every problem is listed with file, line, column and field path; exit 1', async () => {
		const broken = valid.replace('severity: high', 'severity: urgent').replace('id: nginx_0', 'id: nginx_0\n    names: oops');
		const {file} = write('bad.yaml', broken);
		const run = await cli(['validate', '-f', file]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${file}:14:5: spec.processPolicy[0].names: unknown field 'names' (did you mean 'name'?)`);
		expect(run.stderr).toContain(`${file}:22:19: spec.response.default[0].makeRedFlag.severity: must be one of critical, high, medium, low, info, not the text "urgent"`);
		expect(run.stderr).toContain(`Error: Invalid object in '${file}' (2 problems).`);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});

	test('reads standard input with -f -', async () => {
		const run = await cli(['validate', '-f', '-'], {stdin: valid});
		expect(run).toMatchObject({code: 0, stderr: 'SpyderbatPolicy valid!\n'});
	});

	test.each([
		['empty.yaml', '', 'empty.yaml: file is empty'],
		['binary.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]), 'binary.yaml: file is binary'],
		['latin1.yaml', Buffer.from('name: caf\xe9\n', 'latin1'), 'latin1.yaml: file is not UTF-8 text'],
		['broken.yaml', 'kind: [unclosed\n', 'broken.yaml:2:1: not valid YAML or JSON'],
	])('%s gets one clear line and exit 1', async (name, content, expected) => {
		const {file} = write(name, content);
		const run = await cli(['validate', '-f', file]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(path.join(path.dirname(file), expected));
		expect(run.stderr.trim().split('\n')).toHaveLength(2);
	});

	test('a missing file says so', async () => {
		const run = await cli(['validate', '-f', 'nowhere.yaml'], {cwd: tempDir()});
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('nowhere.yaml: no such file');
	});

	test('without -f it is a usage error (exit 2)', async () => {
		const run = await cli(['validate']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("required option '-f, --filename <file>' not specified");
	});
});

describe('spytui show-schema', () => {
	test('prints a JSON Schema derived from the validator', async () => {
		const run = await cli(['show-schema', 'SpyderbatPolicy']);
		expect(run.code).toBe(0);
		const schema = JSON.parse(run.stdout) as Record<string, unknown>;
		expect(schema['title']).toBe('SpyderbatPolicy');
		expect(run.stdout).toContain('"makeRedFlag"');
		expect(run.stdout).toContain('"agentReniceProcess"');
	});

	test('an unknown kind is a usage error listing the kinds', async () => {
		const run = await cli(['show-schema', 'Policy']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('SpyderbatPolicy, SpyderbatBaseline');
	});
});

describe('usage', () => {
	test('--help works on every command and exits 0', async () => {
		for (const argv of [['--help'], ['validate', '--help'], ['show-schema', '--help'], ['config', '--help']]) {
			const run = await cli(argv);
			expect(run.code, argv.join(' ')).toBe(0);
			expect(run.stdout).toContain('Usage: spytui');
		}
	});

	test('an unknown command exits 2', async () => {
		const run = await cli(['frobnicate']);
		expect(run.code).toBe(2);
	});
});
