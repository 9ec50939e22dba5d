import {describe, expect, test} from 'vitest';
import {uniqueId} from '../../../source/policy/merge/process-ids.js';
import {mergeProcessEntries, type ProcessEntry, unknownPolicyNodes} from '../../../source/policy/merge/process-merge.js';
import {serialiseTree} from '../../../source/policy/merge/process-output.js';
import {buildTree} from '../../../source/policy/merge/process-tree.js';
import type {MergeMode, ProcessNode} from '../../../source/policy/merge/types.js';
import {nodeById, outline} from './tree-helpers.js';

function merge(base: ProcessNode[], entries: ProcessEntry[], mode: MergeMode = 'asymmetric') {
	const tree = buildTree(base);
	const ids = mergeProcessEntries(tree, entries, mode);
	return {nodes: serialiseTree(tree), ids};
}

const python = (): ProcessNode => ({
	name: 'python',
	exe: ['/usr/local/bin/python3.7'],
	id: 'python_0',
	euser: ['root'],
	children: [{name: 'sh', exe: ['/bin/dash'], id: 'sh_0'}],
});

describe('uniqueId (spyctl __unique_id)', () => {
	test.each([
		['sh_0', ['sh_0'], 'sh_1'],
		['sh_0', ['sh_0', 'sh_1', 'sh_2'], 'sh_3'],
		['sh', ['sh'], 'sh_0'],
		['sh', ['sh', 'sh_0'], 'sh_1'],
		['a_b', ['a_b'], 'a_b_0'],
		['free_7', ['sh_0'], 'free_7'],
		['big_99999999999999999999', ['big_99999999999999999999'], 'big_100000000000000000000'],
	])('%s with %j taken → %s', (id, taken, expected) => {
		expect(uniqueId(id, new Set(taken))).toBe(expected);
	});
});

describe('asymmetric process merge', () => {
	test('a node is contained by name glob and exe, as full path or file name', () => {
		const base: ProcessNode[] = [{name: 'py*', exe: ['/usr/bin/*'], id: 'py_0', euser: ['root']}, {name: 'java', exe: ['/opt/jdk/bin/java'], id: 'java_0', euser: ['root']}];
		const {nodes, ids} = merge(base, [
			{name: 'python3', exe: ['/usr/bin/python3'], id: 'p_0', euser: ['root']},
			{name: 'java', exe: ['/usr/lib/jvm/bin/java'], id: 'j_0', euser: ['root']},
		]);
		expect(outline(nodes)).toBe('py*(py_0) java(java_0)');
		expect(ids).toEqual(new Map([['p_0', 'py_0'], ['j_0', 'java_0']]));
		// The full-path glob already covers python3; the java moved folders and joins as a second exe.
		expect(nodeById(nodes, 'py_0').exe).toEqual(['/usr/bin/*']);
		expect(nodeById(nodes, 'java_0').exe).toEqual(['/opt/jdk/bin/java', '/usr/lib/jvm/bin/java']);
	});

	test('a node that is not contained is added as a new subtree, each id made unique', () => {
		const {nodes, ids} = merge([python()], [
			{
				name: 'python',
				exe: ['/usr/local/bin/python3.7'],
				id: 'python_0',
				euser: ['root'],
				children: [{name: 'curl', exe: ['/usr/bin/curl'], id: 'sh_0', children: [{name: 'sh', exe: ['/bin/sh'], id: 'sh_0'}]}],
			},
		]);
		expect(outline(nodes)).toBe('python(python_0)[curl(sh_1)[sh(sh_2)] sh(sh_0)]');
		expect(ids.get('python_0')).toBe('python_0');
		// Two nodes of the other tree shared an id: the first owns the mapping.
		expect(ids.get('sh_0')).toBe('sh_1');
	});

	test('exe and euser sets are unioned and sorted; a child equal to its parent omits euser', () => {
		const {nodes} = merge([python()], [
			{
				name: 'python',
				exe: ['/usr/bin/python3.7'],
				id: 'x_0',
				euser: ['web', 'root'],
				children: [{name: 'sh', exe: ['/bin/dash'], id: 'x_1', euser: ['web', 'root']}],
			},
		]);
		const root = nodeById(nodes, 'python_0');
		expect(root.exe).toEqual(['/usr/bin/python3.7', '/usr/local/bin/python3.7']);
		expect(root.euser).toEqual(['root', 'web']);
		expect(root.children?.[0]).toEqual({name: 'sh', exe: ['/bin/dash'], id: 'sh_0'});
	});

	test('a child that inherited its users gets its own set instead of widening the parent', () => {
		const {nodes} = merge([python()], [{...python(), children: [{name: 'sh', exe: ['/bin/dash'], id: 'sh_9', euser: ['nobody']}]}]);
		expect(nodeById(nodes, 'python_0').euser).toEqual(['root']);
		expect(nodeById(nodes, 'sh_0').euser).toEqual(['nobody', 'root']);
	});

	test('listening sockets join unless a range covers them, sorted by port', () => {
		const base: ProcessNode[] = [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root'], listeningSockets: [{protocol: 'TCP', port: 8000, endPort: 8100}]}];
		const {nodes} = merge(base, [
			{
				name: 'nginx',
				exe: ['/usr/sbin/nginx'],
				id: 'n',
				euser: ['root'],
				listeningSockets: [
					{protocol: 'TCP', port: 8080},
					{protocol: 'UDP', port: 8080},
					{protocol: 'TCP', port: 443, endPort: 443},
				],
			},
		]);
		expect(nodes[0]!.listeningSockets).toEqual([
			{protocol: 'TCP', port: 443},
			{protocol: 'TCP', port: 8000, endPort: 8100},
			{protocol: 'UDP', port: 8080},
		]);
	});

	test('children are sorted by name, roots keep their order', () => {
		const base: ProcessNode[] = [{name: 'zsh', exe: ['/bin/zsh'], id: 'zsh_0', euser: ['root']}, {...python(), children: [{name: 'uname', exe: ['/bin/uname'], id: 'uname_0'}]}];
		const {nodes} = merge(base, [
			{...python(), children: [{name: 'awk', exe: ['/usr/bin/awk'], id: 'awk_0'}]},
			{name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['root']},
		]);
		expect(outline(nodes)).toBe('zsh(zsh_0) python(python_0)[awk(awk_0) uname(uname_0)] bash(bash_0)');
	});

	test('among siblings that cover a node, the one with its id wins, then an identical one, then the first', () => {
		const base: ProcessNode[] = [
			{name: '*', exe: ['*'], id: 'any_0', euser: ['root']},
			{name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['root']},
			{name: 'sh', exe: ['/bin/sh'], id: 'sh_1', euser: ['root']},
		];
		const {ids} = merge(base, [
			{name: 'sh', exe: ['/bin/sh'], id: 'sh_1', euser: ['root']},
			{name: 'sh', exe: ['/bin/sh'], id: 'other', euser: ['root']},
			{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0', euser: ['root']},
		]);
		expect(Object.fromEntries(ids)).toEqual({sh_1: 'sh_1', other: 'sh_0', curl_0: 'any_0'});
	});
});

describe('deviation entries {policyNode: {id, children}}', () => {
	test('new children attach under the named node; users are inherited from it', () => {
		const {nodes, ids} = merge([python()], [{policyNode: {id: 'sh_0', children: [{name: 'curl', exe: ['/usr/bin/curl'], id: 'python_0'}, {name: 'id', exe: ['/usr/bin/id'], id: 'id_0', euser: ['nobody']}]}}]);
		expect(outline(nodes)).toBe('python(python_0)[sh(sh_0)[curl(python_1) id(id_0)]]');
		expect(nodeById(nodes, 'python_1').euser).toBeUndefined();
		expect(nodeById(nodes, 'id_0').euser).toEqual(['nobody']);
		expect(ids.get('python_0')).toBe('python_1');
	});

	test('a child the node already covers merges into the existing child', () => {
		const {nodes} = merge([python()], [{policyNode: {id: 'python_0', children: [{name: 'sh', exe: ['/usr/bin/dash'], id: 'sh_5'}]}}]);
		expect(outline(nodes)).toBe('python(python_0)[sh(sh_0)]');
		expect(nodeById(nodes, 'sh_0').exe).toEqual(['/bin/dash', '/usr/bin/dash']);
	});

	test('an id the tree lacks is reported before anything changes', () => {
		expect(unknownPolicyNodes(buildTree([python()]), [{policyNode: {id: 'gone_0', children: [{name: 'a', exe: ['/a'], id: 'a_0'}]}}])).toEqual(['gone_0']);
	});
});

describe('symmetric process merge (create)', () => {
	test('overlapping nodes merge with a generalised name; new subtrees are renumbered', () => {
		const base: ProcessNode[] = [{name: 'python3.7', exe: ['/usr/bin/python3.7'], id: 'python_0', euser: ['root']}];
		const {nodes} = merge(base, [
			{name: 'python3.9', exe: ['/usr/bin/python3.7'], id: 'python_0', euser: ['app']},
			{name: 'sh', exe: ['/bin/dash'], id: 'python_0', euser: ['root']},
		], 'symmetric');
		expect(outline(nodes)).toBe('python3.*(python_0) sh(python_1)');
		expect(nodes[0]!.euser).toEqual(['app', 'root']);
	});
});
