import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {diffDumps} from '../../../source/policy/diff/line-diff.js';
import {objectDiff} from '../../../source/policy/diff/object-diff.js';
import {diffPolicies} from '../../../source/policy/diff/policy-diff.js';
import {loadDocuments} from '../../../source/policy/load.js';
import {mergeObjects} from '../../../source/policy/merge/merge-objects.js';
import {formatPath} from '../../../source/policy/problem.js';

/** spyctl's test resources, kept beside the repo (see test/policy/fixtures.test.ts). */
const resources = path.resolve(import.meta.dirname, '../../../../shared/fixtures/spyctl-cli/test_resources');
const exists = fs.existsSync(resources);

function load(name: string): Record<string, unknown> {
	const result = loadDocuments(fs.readFileSync(path.join(resources, name)), name);
	expect(result.problems).toEqual([]);
	return result.objects[0]!.value;
}

type Node = {id: string; name: string; diff?: string; children?: Node[]};

function flatten(nodes: Node[]): Node[] {
	return nodes.flatMap(node => [node, ...flatten(node.children ?? [])]);
}

describe(exists ? `diff with spyctl's test resources in ${resources}` : '../shared/fixtures not found: spyctl fixture diff tests skipped', () => {
	test.skipIf(!exists)('test_policy.yaml with test_baseline_extra.yaml: only additions', () => {
		const before = load('test_policy.yaml');
		const after = mergeObjects(before, load('test_baseline_extra.yaml'), 'asymmetric').merged;
		const diff = diffPolicies(before, after);

		expect(diff.changes.filter(change => change.kind !== 'added').map(change => `${change.kind} ${formatPath(change.path)}`)).toEqual([]);
		expect(diff.counts.add).toBeGreaterThan(0);
		expect(diff.changes.map(change => formatPath(change.path))).toContain('spec.processPolicy[0].children[0]');
		expect(diff.changes.find(change => formatPath(change.path) === 'spec.processPolicy[0].children[0]')?.after).toMatchObject({name: 'python3.7', exe: ['/usr/local/bin/python3.7']});

		const lines = diffDumps(before, after);
		expect(lines.filter(line => line.kind === 'removed')).toEqual([]);
		// spyctl's own test looks for this line in its diff.
		expect(lines).toContainEqual(expect.objectContaining({kind: 'added', text: '    - name: python3.7'}));

		const marked = flatten((objectDiff(before, after)['spec'] as {processPolicy: Node[]}).processPolicy);
		expect(marked.filter(node => node.diff !== undefined).map(node => `${node.name}:${node.diff}`)).toEqual(['python3.7:added', 'sh:added', 'uname:added']);
	});
});
