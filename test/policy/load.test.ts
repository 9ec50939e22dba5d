import {describe, expect, test} from 'vitest';
import {loadDocuments, type LoadResult} from '../../source/policy/load.js';
import {type FileProblem, formatFileProblem} from '../../source/policy/problem.js';
import {validateLoaded} from '../../source/policy/validate.js';
import {containerPolicy, containerPolicyYaml, withValue, yamlObject} from './helpers.js';

const linuxServiceYaml = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: sshd-policy
  type: linux-service
spec:
  serviceSelector:
    cgroup: systemd:/system.slice/ssh.service
  mode: enforce
  processPolicy:
  - name: sshd
    exe: [/usr/sbin/sshd]
    id: sshd_0
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

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): {line: number; column: number} {
	const offset = text.indexOf(needle);
	if (offset < 0) throw new Error(`fixture has no ${needle}`);
	const before = text.slice(0, offset).split('\n');
	return {line: before.length, column: before.at(-1)!.length + 1};
}

/** Loading must never throw, and a file that cannot be read as objects gives exactly one problem. */
function expectSingleLoadProblem(input: string | Buffer, message: RegExp): FileProblem {
	let result: LoadResult | undefined;
	expect(() => {
		result = loadDocuments(input, 'bad.yaml');
	}).not.toThrow();
	expect(result!.objects).toEqual([]);
	expect(result!.problems).toHaveLength(1);
	const [problem] = result!.problems;
	expect(problem!.file).toBe('bad.yaml');
	expect(problem!.message).toMatch(message);
	expect(problem!.message).not.toContain('\n');
	return problem!;
}

describe('reading objects', () => {
	test('a single YAML document', () => {
		const result = loadDocuments(containerPolicyYaml, 'p.yaml');
		expect(result.problems).toEqual([]);
		expect(result.isList).toBe(false);
		expect(result.objects).toHaveLength(1);
		expect(result.objects[0]!.value).toEqual(containerPolicy());
		expect(result.objects[0]!.path).toEqual([]);
		expect(validateLoaded(result.objects)).toEqual([]);
	});

	test('a multi-document YAML stream', () => {
		const text = `${containerPolicyYaml}---\n${linuxServiceYaml}`;
		const result = loadDocuments(text, 'p.yaml');
		expect(result.problems).toEqual([]);
		expect(result.isList).toBe(true);
		expect(result.objects.map(object => object.value)).toEqual([containerPolicy(), yamlObject(linuxServiceYaml)]);
		expect(result.objects.map(object => object.documentIndex)).toEqual([0, 1]);
		expect(validateLoaded(result.objects)).toEqual([]);
	});

	test('a leading --- and a trailing --- do not add objects', () => {
		const result = loadDocuments(`---\n${linuxServiceYaml}---\n`, 'p.yaml');
		expect(result.problems).toEqual([]);
		expect(result.objects).toHaveLength(1);
	});

	test('an {apiVersion, items} list gives one object per item, with items[i] paths', () => {
		const list = {apiVersion: 'spyderbat/v1', items: [containerPolicy(), withValue(containerPolicy(), 'spec.mode', 'monitor')]};
		const result = loadDocuments(JSON.stringify(list, null, 2), 'list.json');
		expect(result.problems).toEqual([]);
		expect(result.isList).toBe(true);
		expect(result.objects.map(object => object.path)).toEqual([
			['items', 0],
			['items', 1],
		]);
		const problems = validateLoaded(result.objects);
		expect(problems.map(problem => problem.path)).toEqual(['items[1].spec.mode']);
	});

	test('a JSON object', () => {
		const text = JSON.stringify(containerPolicy(), null, 2);
		const result = loadDocuments(text, 'p.json');
		expect(result.problems).toEqual([]);
		expect(result.isList).toBe(false);
		expect(result.objects.map(object => object.value)).toEqual([containerPolicy()]);
	});

	test('a JSON object indented with tabs', () => {
		const text = JSON.stringify(containerPolicy(), null, '\t');
		const result = loadDocuments(text, 'p.json');
		expect(result.problems).toEqual([]);
		expect(result.objects.map(object => object.value)).toEqual([containerPolicy()]);
	});

	test('a JSON array gives [i] paths', () => {
		const text = JSON.stringify([containerPolicy(), withValue(containerPolicy(), 'spec.enabled', 'no')], null, 2);
		const result = loadDocuments(text, 'p.json');
		expect(result.problems).toEqual([]);
		expect(result.isList).toBe(true);
		expect(result.objects.map(object => object.path)).toEqual([[0], [1]]);
		const problems = validateLoaded(result.objects);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({file: 'p.json', path: '[1].spec.enabled'});
		expect(problems[0]!.line).toBe(text.split('\n').findIndex(line => line.includes('"enabled": "no"')) + 1);
	});

	test('a UTF-8 byte order mark is accepted, as bytes and as text', () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(containerPolicyYaml)]);
		for (const input of [bytes, `\uFEFF${containerPolicyYaml}`]) {
			const result = loadDocuments(input, 'bom.yaml');
			expect(result.problems).toEqual([]);
			expect(result.objects.map(object => object.value)).toEqual([containerPolicy()]);
			expect(validateLoaded(result.objects)).toEqual([]);
		}
		const bad = loadDocuments(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(containerPolicyYaml.replace('spyderbat/v1', 'spyderbat/v2'))]), 'bom.yaml');
		expect(validateLoaded(bad.objects)).toEqual([expect.objectContaining({path: 'apiVersion', line: 1, column: 13})]);
	});

	test('an item that is not an object is a problem; the other items still load', () => {
		const text = `apiVersion: spyderbat/v1\nitems:\n- 42\n- ${JSON.stringify(containerPolicy())}\n`;
		const result = loadDocuments(text, 'list.yaml');
		expect(result.objects).toHaveLength(1);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({line: 3, message: expect.stringMatching(/expected an object/) as string});
	});
});

describe('duplicate keys', () => {
	test('are rejected in YAML, with line and column', () => {
		const text = 'apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nmetadata:\n  name: a\n  name: b\n';
		const problem = expectSingleLoadProblem(text, /unique|duplicate/i);
		expect(problem).toMatchObject({line: 5, column: 3});
	});

	test('are rejected in JSON, with line and column', () => {
		const text = '{\n  "apiVersion": "spyderbat/v1",\n  "kind": "SpyderbatPolicy",\n  "kind": "SpyderbatBaseline"\n}\n';
		const problem = expectSingleLoadProblem(text, /unique|duplicate/i);
		expect(problem).toMatchObject({line: 4, column: 3});
	});
});

describe('syntax errors', () => {
	test('a YAML syntax error gives line, column and a one-line message', () => {
		const problem = expectSingleLoadProblem('apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nmetadata: {name: a\nspec: 1\n', /not valid YAML or JSON/);
		expect(problem.line).toBeGreaterThanOrEqual(3);
		expect(problem.line).toBeLessThanOrEqual(4);
		expect(problem.column).toBeGreaterThanOrEqual(1);
	});

	test('a bad mapping gives the line of the mistake', () => {
		const problem = expectSingleLoadProblem('apiVersion: spyderbat/v1\nkind: a: b\n', /not valid YAML or JSON/);
		expect(problem.line).toBe(2);
	});

	test('a JSON syntax error gives line and column', () => {
		const problem = expectSingleLoadProblem('{\n  "apiVersion": "spyderbat/v1",,\n  "kind": "SpyderbatPolicy"\n}\n', /not valid YAML or JSON/);
		expect(problem.line).toBe(2);
		expect(problem.column).toBeGreaterThanOrEqual(1);
	});

	test('tabs used as YAML indentation', () => {
		const problem = expectSingleLoadProblem('metadata:\n\tname: a\n', /not valid YAML or JSON/);
		expect(problem.line).toBe(2);
	});

	test('an unknown tag', () => {
		const problem = expectSingleLoadProblem('apiVersion: !custom spyderbat/v1\n', /not valid YAML or JSON/);
		expect(problem.line).toBe(1);
	});
});

describe('files that hold no object', () => {
	test('an empty file', () => {
		expectSingleLoadProblem('', /empty/);
		expectSingleLoadProblem(Buffer.alloc(0), /empty/);
	});

	test('a file of comments and blank lines', () => {
		expectSingleLoadProblem('# just a comment\n\n   # another\n---\n', /empty/);
	});

	test('a binary file', () => {
		expectSingleLoadProblem(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), /binary/);
	});

	test('bytes that are not UTF-8', () => {
		expectSingleLoadProblem(Buffer.from([0xff, 0xfe, 0x41]), /UTF-8/);
		expectSingleLoadProblem(Buffer.concat([Buffer.from('kind: a\nname: '), Buffer.from([0xc3, 0x28])]), /UTF-8.*offset 14/);
	});

	test('a scalar document', () => {
		const problem = expectSingleLoadProblem('hello\n', /expected an object.*"hello"/);
		expect(problem.line).toBe(1);
		expectSingleLoadProblem('42\n', /expected an object/);
	});

	test('a list of scalars', () => {
		const result = loadDocuments('- a\n- b\n', 'bad.yaml');
		expect(result.objects).toEqual([]);
		expect(result.problems.map(problem => problem.line)).toEqual([1, 2]);
	});
});

describe('problem positions', () => {
	test('a bad severity points at its value', () => {
		const text = linuxServiceYaml.replace('severity: high', 'severity: urgent');
		const problems = validateLoaded(loadDocuments(text, 'svc.yaml').objects);
		expect(problems).toEqual([
			{file: 'svc.yaml', path: 'spec.response.default[0].makeRedFlag.severity', ...positionOf(text, 'urgent'), message: expect.stringMatching(/critical, high, medium, low, info/) as string},
		]);
		expect(problems[0]!.line).toBe(21);
	});

	test('an unknown key points at the key itself', () => {
		const text = linuxServiceYaml.replace('    id: sshd_0\n', '    id: sshd_0\n    names: [sshd]\n');
		const problems = validateLoaded(loadDocuments(text, 'svc.yaml').objects);
		expect(problems).toEqual([{file: 'svc.yaml', path: 'spec.processPolicy[0].names', line: 14, column: 5, message: expect.stringContaining("unknown field 'names'") as string}]);
	});

	test('an unknown key in a flow mapping points at the key', () => {
		const text = containerPolicyYaml.replace('{image: spyderbat-test}', '{image: spyderbat-test, tag: latest}');
		const problems = validateLoaded(loadDocuments(text, 'p.yaml').objects);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({path: 'spec.containerSelector.tag', ...positionOf(text, 'tag: latest')});
	});

	test('a problem in the second document points into the second document', () => {
		const second = linuxServiceYaml.replace('mode: enforce', 'mode: monitor');
		const text = `${containerPolicyYaml}---\n${second}`;
		const problems = validateLoaded(loadDocuments(text, 'p.yaml').objects);
		expect(problems).toEqual([{file: 'p.yaml', path: 'spec.mode', ...positionOf(text, 'monitor'), message: expect.stringMatching(/audit.*enforce/) as string}]);
	});

	test('a problem in an items list points at the item', () => {
		const text = `apiVersion: spyderbat/v1\nitems:\n- ${JSON.stringify(containerPolicy())}\n- ${JSON.stringify(withValue(containerPolicy(), 'spec.networkPolicy.ingress.0.ports.0.port', 99_999))}\n`;
		const problems = validateLoaded(loadDocuments(text, 'list.yaml').objects);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({path: 'items[1].spec.networkPolicy.ingress[0].ports[0].port', line: 4, column: text.split('\n')[3]!.indexOf('99999') + 1});
	});

	test('a duplicate id points at the later id', () => {
		const text = containerPolicyYaml.replace('id: sh_0', 'id: python_0');
		const problems = validateLoaded(loadDocuments(text, 'p.yaml').objects);
		expect(problems).toEqual([{file: 'p.yaml', path: 'spec.processPolicy[0].children[0].id', line: 10, column: text.split('\n')[9]!.indexOf('python_0') + 1, message: "Duplicate id 'python_0' detected."}]);
	});

	test('formatFileProblem gives file:line:col: path: message', () => {
		const text = linuxServiceYaml.replace('mode: enforce', 'mode: monitor');
		const [problem] = validateLoaded(loadDocuments(text, 'svc.yaml').objects);
		expect(formatFileProblem(problem!)).toMatch(/^svc\.yaml:9:9: spec\.mode: .*audit.*enforce/);
		expect(formatFileProblem({file: 'x.yaml', path: '', message: 'file is empty'})).toBe('x.yaml: file is empty');
	});
});
