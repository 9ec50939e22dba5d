import {describe, expect, test} from 'vitest';
import {objectDiff} from '../../../source/policy/diff/object-diff.js';
import {clusterPolicy, containerPolicy, type JsonObject, withValue} from '../helpers.js';
import {editSpec} from './edit-spec.js';

type Marked = {spec: {processPolicy: MarkedNode[]; networkPolicy: {ingress: JsonObject[]; egress: JsonObject[]}}};
type MarkedNode = {id: string; diff?: string; children?: MarkedNode[]};

function marked(before: JsonObject, after: JsonObject): Marked {
	return objectDiff(before, after) as unknown as Marked;
}

/** `id:marker` for every node, depth first, as a compact picture of the tree. */
function markers(nodes: MarkedNode[]): string[] {
	return nodes.flatMap(node => [`${node.id}:${node.diff ?? '-'}`, ...markers(node.children ?? []).map(text => `  ${text}`)]);
}

describe('objectDiff: process nodes (reference §4.7)', () => {
	test('unchanged nodes carry no diff key', () => {
		const policy = containerPolicy();
		const result = marked(policy, structuredClone(policy));
		expect(markers(result.spec.processPolicy)).toEqual(['python_0:-', '  sh_0:-']);
		expect(result.spec.processPolicy[0]).not.toHaveProperty('diff');
	});

	test('added, changed and removed nodes; a removed subtree is removed all the way down', () => {
		const before = editSpec(containerPolicy(), spec => {
			spec.processPolicy[0]!.children![0]!.children = [{name: 'uname', exe: ['/bin/uname'], id: 'uname_0'}];
			spec.processPolicy.push({name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['root'], children: [{name: 'ls', exe: ['/bin/ls'], id: 'ls_0'}]});
		});
		const after = editSpec(before, spec => {
			spec.processPolicy[0]!.exe.push('/usr/bin/python3');
			spec.processPolicy[0]!.children!.push({name: 'cat', exe: ['/bin/cat'], id: 'cat_0', children: [{name: 'tee', exe: ['/bin/tee'], id: 'tee_0'}]});
			spec.processPolicy.pop();
		});
		expect(markers(marked(before, after).spec.processPolicy)).toEqual([
			'python_0:changed',
			'  sh_0:-',
			'    uname_0:-',
			'  cat_0:added',
			'    tee_0:added',
			'bash_0:removed',
			'  ls_0:removed',
		]);
	});

	test('a node removed under a kept parent is listed under that parent', () => {
		const before = containerPolicy();
		const after = editSpec(before, spec => delete spec.processPolicy[0]!.children);
		expect(markers(marked(before, after).spec.processPolicy)).toEqual(['python_0:-', '  sh_0:removed']);
	});

	test('the marker sits after the node fields and before its children', () => {
		const before = containerPolicy();
		const after = editSpec(before, spec => spec.processPolicy[0]!.euser!.push('www'));
		expect(Object.keys(marked(before, after).spec.processPolicy[0]!)).toEqual(['name', 'exe', 'id', 'euser', 'diff', 'children']);
	});
});

describe('objectDiff: network entries (reference §4.7)', () => {
	test('rules are exploded to one entry per peer, port and process', () => {
		const before = editSpec(containerPolicy(), spec => {
			spec.networkPolicy.egress = [
				{
					to: [{dnsSelector: ['a.local', 'b.local']}, {ipBlock: {cidr: '10.0.0.0/8'}}],
					ports: [
						{protocol: 'TCP', port: 80},
						{protocol: 'TCP', port: 443},
					],
					processes: ['python_0', 'sh_0'],
				},
			];
		});
		const result = marked(before, structuredClone(before));
		expect(result.spec.networkPolicy.egress).toHaveLength(3 * 2 * 2);
		expect(result.spec.networkPolicy.egress[0]).toEqual({to: [{dnsSelector: ['a.local']}], ports: [{protocol: 'TCP', port: 80}], processes: ['python_0']});
		expect(result.spec.networkPolicy.egress.every(entry => !('diff' in entry))).toBe(true);
	});

	test('new connections are added, gone ones removed, after the current ones', () => {
		const before = containerPolicy();
		const after = editSpec(before, spec => {
			spec.networkPolicy.ingress[0]!.ports.push({protocol: 'TCP', port: 2222});
			spec.networkPolicy.egress = [];
		});
		const result = marked(before, after);
		expect(result.spec.networkPolicy.ingress).toEqual([
			{from: [{ipBlock: {cidr: '192.168.6.11/32'}}], ports: [{protocol: 'TCP', port: 22}], processes: ['python_0']},
			{from: [{ipBlock: {cidr: '192.168.6.11/32'}}], ports: [{protocol: 'TCP', port: 2222}], processes: ['python_0'], diff: 'added'},
		]);
		expect(result.spec.networkPolicy.egress).toEqual([{to: [{dnsSelector: ['mongodb.local']}], ports: [{protocol: 'TCP', port: 27017}], processes: ['python_0'], diff: 'removed'}]);
	});

	test('a rule split in two is no change; a rule without processes has no processes key', () => {
		const before = editSpec(containerPolicy(), spec => delete spec.networkPolicy.egress[0]!.processes);
		const after = editSpec(before, spec => {
			spec.networkPolicy.egress[0]!.to[0]!.dnsSelector!.push('redis.local');
		});
		expect(marked(before, after).spec.networkPolicy.egress).toEqual([
			{to: [{dnsSelector: ['mongodb.local']}], ports: [{protocol: 'TCP', port: 27017}]},
			{to: [{dnsSelector: ['redis.local']}], ports: [{protocol: 'TCP', port: 27017}], diff: 'added'},
		]);
		const split = editSpec(containerPolicy(), spec => {
			spec.networkPolicy.ingress[0]!.ports.push({protocol: 'UDP', port: 53});
		});
		const asTwoRules = editSpec(split, spec => {
			const rule = spec.networkPolicy.ingress[0]!;
			spec.networkPolicy.ingress = [
				{...rule, ports: [rule.ports[0]!]},
				{...rule, ports: [rule.ports[1]!]},
			];
		});
		expect(marked(split, asTwoRules).spec.networkPolicy.ingress.every(entry => !('diff' in entry))).toBe(true);
	});
});

describe('objectDiff: the rest of the object', () => {
	test('other fields are the after values; the input is not changed', () => {
		const before = containerPolicy();
		const after = withValue(before, 'spec.mode', 'enforce');
		const frozen = structuredClone(after);
		const result = objectDiff(before, after);
		expect((result['spec'] as JsonObject)['mode']).toBe('enforce');
		expect(Object.keys(result)).toEqual(Object.keys(after));
		expect(Object.keys(result['spec'] as JsonObject)).toEqual(Object.keys(after['spec'] as JsonObject));
		expect(after).toEqual(frozen);
	});

	test('a policy with no process or network policy comes back as it is', () => {
		const before = clusterPolicy();
		const after = withValue(before, 'spec.mode', 'enforce');
		expect(objectDiff(before, after)).toEqual(after);
	});
});
