import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {type LocalPolicyRow, scanPolicyFolder} from '../../source/operations/local-folder.js';
import {formatFileProblem} from '../../source/policy/problem.js';
import {tempDir} from '../helpers/cli.js';
import {makePolicyFolder} from '../tui/policy-folder.js';

const repository = path.resolve(import.meta.dirname, '../..');
// Tests only read it, so one folder serves them all.
const folder = makePolicyFolder();

describe('scanPolicyFolder', () => {
	test('the shipped examples are all valid policies, with every status spyctl shows', async () => {
		const scan = await scanPolicyFolder('examples', repository);
		expect(scan.message).toBeUndefined();
		expect(scan.invalidFiles).toBe(0);
		const policies = scan.rows.filter((row): row is LocalPolicyRow => row.kind === 'policy');
		expect(policies.length).toBeGreaterThanOrEqual(5);
		expect(policies.every(row => row.problems.length === 0)).toBe(true);
		expect(new Set(policies.map(row => row.status))).toEqual(new Set(['Enforcing', 'Auditing', 'Disabled', 'Not Applied']));
		expect(new Set(policies.map(row => row.type))).toEqual(new Set(['container', 'linux-service', 'cluster']));
	});

	test('rows carry name, uid, type, status, mode and the file relative to the folder', async () => {
		const scan = await scanPolicyFolder('examples', repository);
		const payments = scan.rows.find(row => row.kind === 'policy' && row.name === 'payments-api');
		expect(payments).toMatchObject({
			kind: 'policy',
			file: 'payments-api.yaml',
			uid: 'pol:Pm7xQ2sV9nL4kJd8RtE0',
			type: 'container',
			status: 'Auditing',
			mode: 'audit',
			enabled: true,
			problems: [],
		});
	});

	test('broken files and invalid policies are listed with their problems, never dropped', async () => {
		const scan = await scanPolicyFolder(folder, '/');
		const broken = scan.rows.find(row => row.file === 'broken.yaml');
		expect(broken?.kind).toBe('file');
		expect(broken?.problems[0]?.message).toMatch(/not valid YAML or JSON/);
		expect(broken?.problems[0]?.line).toBeGreaterThan(0);

		const halfDone = scan.rows.find(row => row.kind === 'policy' && row.name === 'half-done');
		const messages = halfDone?.problems.map(problem => formatFileProblem(problem)) ?? [];
		expect(messages.some(message => /half-done\.yml:9:\d+: spec\.mode: /.test(message))).toBe(true);
		expect(messages.some(message => message.includes('curl_0'))).toBe(true);
		expect(scan.invalidFiles).toBe(2);
		// Broken files sort first so they are seen.
		expect(scan.rows[0]?.kind).toBe('file');
	});

	test('reads one level of subfolders, only policy extensions, and counts other kinds', async () => {
		const scan = await scanPolicyFolder(folder, '/');
		const files = new Set(scan.rows.map(row => row.file));
		expect(files.has(path.join('drafts', 'half-done.yml'))).toBe(true);
		expect(files.has('redis-cache.json')).toBe(true);
		expect([...files].some(file => file.includes('notes.txt') || file.includes('ignored.yaml'))).toBe(false);
		expect(scan.otherObjects).toEqual([{file: path.join('drafts', 'ruleset.yaml'), kind: 'SpyderbatRuleset'}]);
	});

	test('problems name files relative to where spytui runs, so file:line:col opens from that shell', async () => {
		const scan = await scanPolicyFolder(path.basename(folder), path.dirname(folder));
		const broken = scan.rows.find(row => row.file === 'broken.yaml');
		expect(broken?.problems[0]?.file).toBe(path.join(path.basename(folder), 'broken.yaml'));
	});

	test('a missing folder, a file and an empty folder each give a clear message', async () => {
		const base = tempDir();
		fs.writeFileSync(path.join(base, 'policy.yaml'), 'x: 1\n');
		fs.mkdirSync(path.join(base, 'empty'));
		expect((await scanPolicyFolder('nope', base)).message).toBe(`folder not found: ${path.join(base, 'nope')}`);
		expect((await scanPolicyFolder('policy.yaml', base)).message).toBe(`not a folder: ${path.join(base, 'policy.yaml')}`);
		expect((await scanPolicyFolder('empty', base)).message).toMatch(/^no policy files in empty \(looked for \*\.yaml, \*\.yml, \*\.json/);
		expect((await scanPolicyFolder('empty', base)).rows).toEqual([]);
	});

	test('row ids are stable across scans, so the selection survives a reload', async () => {
		const first = await scanPolicyFolder(folder, '/');
		const second = await scanPolicyFolder(folder, '/');
		expect(second.rows.map(row => row.id)).toEqual(first.rows.map(row => row.id));
		expect(new Set(first.rows.map(row => row.id)).size).toBe(first.rows.length);
	});
});
