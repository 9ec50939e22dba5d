import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {loadDocuments} from '../../source/policy/load.js';
import {type FileProblem, formatFileProblem} from '../../source/policy/problem.js';
import {validateLoaded} from '../../source/policy/validate.js';

/**
 * spyctl's own policy library and test resources, kept beside the repo (never
 * copied into it). A fresh clone has no ../shared/fixtures: the suite then says
 * so through one skipped test instead of failing.
 */
const fixturesRoot = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const exists = fs.existsSync(fixturesRoot);

const folders = ['spyctl/policy_library', 'spyctl/test_resources', 'spyctl-cli/test_resources', 'spyctl-cli/mock_resources', 'spyctl-cli/testdata'];

function filesUnder(folder: string): string[] {
	const absolute = path.join(fixturesRoot, folder);
	return fs
		.readdirSync(absolute, {recursive: true, encoding: 'utf8'})
		.filter(name => /\.(ya?ml|json)$/.test(name))
		.map(name => path.posix.join(folder, name.split(path.sep).join('/')))
		.sort();
}

function problemsOf(relative: string): FileProblem[] {
	const result = loadDocuments(fs.readFileSync(path.join(fixturesRoot, relative)), relative);
	return [...result.problems, ...validateLoaded(result.objects)];
}

type Expected = {path: string; message: string | RegExp};

/** The fixtures spyctl itself expects to fail, and the problem each must name. */
const invalid: Record<string, Expected> = {
	'test_invalid_id.yaml': {path: 'spec.processPolicy[1].children[0].id', message: "Duplicate id 'python_0' detected."},
	'test_invalid_process_policy.yaml': {path: 'spec.processPolicy[1].children[0].children[0].children[0].names', message: /^unknown field 'names'/},
	'test_invalid_selector.yaml': {path: 'spec', message: "Type is 'container' and no 'containerSelector' found in spec"},
};

function expectedFailure(relative: string): Expected | undefined {
	if (relative === 'spyctl-cli/test_resources/cluster_policy.yaml') return {path: '', message: /empty/};
	return invalid[path.posix.basename(relative)];
}

describe(exists ? `spyctl fixtures in ${fixturesRoot}` : '../shared/fixtures not found: spyctl fixture tests skipped', () => {
	test.skipIf(!exists)('the fixture folders hold YAML and JSON files', () => {
		for (const folder of folders) expect(filesUnder(folder).length, folder).toBeGreaterThan(0);
		expect(filesUnder('spyctl/policy_library').length).toBeGreaterThanOrEqual(60);
	});

	if (!exists) return;

	const files = folders.flatMap(folder => filesUnder(folder));

	test('every expected failure is among the files found', () => {
		for (const name of Object.keys(invalid)) {
			expect(files.filter(file => path.posix.basename(file) === name).length, name).toBeGreaterThanOrEqual(1);
		}
		expect(files).toContain('spyctl-cli/test_resources/cluster_policy.yaml');
	});

	test.each(files.filter(file => !expectedFailure(file)))('%s is valid', relative => {
		expect(problemsOf(relative).map(problem => formatFileProblem(problem))).toEqual([]);
	});

	test.each(files.filter(file => expectedFailure(file)))('%s fails, naming the offending path', relative => {
		const expected = expectedFailure(relative)!;
		const problems = problemsOf(relative);
		expect(problems, problems.map(problem => formatFileProblem(problem)).join('\n')).toContainEqual(
			expect.objectContaining({
				file: relative,
				path: expected.path,
				message: typeof expected.message === 'string' ? expected.message : expect.stringMatching(expected.message),
			}),
		);
	});

	test('the empty cluster_policy.yaml gives exactly one problem', () => {
		expect(problemsOf('spyctl-cli/test_resources/cluster_policy.yaml')).toEqual([
			{file: 'spyctl-cli/test_resources/cluster_policy.yaml', path: '', message: expect.stringMatching(/empty/) as string},
		]);
	});

	test('the duplicate id is reported on the line of the later id', () => {
		const relative = 'spyctl/test_resources/test_invalid_id.yaml';
		const lines = fs.readFileSync(path.join(fixturesRoot, relative), 'utf8').split('\n');
		const problem = problemsOf(relative).find(candidate => candidate.message.startsWith('Duplicate id'));
		expect(problem?.line).toBeDefined();
		expect(lines[problem!.line! - 1]).toMatch(/^\s*id: python_0\s*$/);
		expect(lines.slice(0, problem!.line! - 1).some(line => /id: python_0/.test(line))).toBe(true);
	});
});
