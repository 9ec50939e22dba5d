import {describe, expect, test} from 'vitest';
import {formatCounts} from '../../../source/policy/diff/changes.js';
import {diffPolicies, specChanged} from '../../../source/policy/diff/policy-diff.js';
import {formatPath} from '../../../source/policy/problem.js';
import {containerPolicy, type JsonObject, withValue} from '../helpers.js';
import {editSpec as edit} from './edit-spec.js';

/** Changes as `kind path` lines, easy to read in a failure. */
function summary(before: JsonObject, after: JsonObject): string[] {
	return diffPolicies(before, after).changes.map(change => `${change.kind} ${formatPath(change.path)}`);
}


describe('diffPolicies: the structured diff model', () => {
	test('equal objects have no changes, whatever their key order', () => {
		const policy = containerPolicy();
		const reordered = Object.fromEntries(Object.entries(structuredClone(policy)).reverse());
		expect(diffPolicies(policy, structuredClone(policy))).toEqual({changes: [], counts: {add: 0, change: 0, remove: 0}});
		expect(Object.keys(reordered)[0]).toBe('spec');
		expect(diffPolicies(policy, reordered).changes).toEqual([]);
	});

	test('a changed scalar is one change with both values and its path', () => {
		const before = containerPolicy();
		const after = withValue(before, 'spec.mode', 'enforce');
		expect(diffPolicies(before, after)).toEqual({
			changes: [{kind: 'changed', path: ['spec', 'mode'], before: 'audit', after: 'enforce'}],
			counts: {add: 0, change: 1, remove: 0},
		});
	});

	test('added and removed keys', () => {
		const before = containerPolicy();
		const after = withValue(withValue(before, 'spec.enabled', false), 'spec.namespaceSelector', undefined);
		expect(diffPolicies(before, after).changes).toEqual([
			{kind: 'removed', path: ['spec', 'namespaceSelector'], before: {matchLabels: {'kubernetes.io/metadata.name': 'test'}}},
			{kind: 'added', path: ['spec', 'enabled'], after: false},
		]);
	});

	test('list elements are compared as values: an added exe is one addition at its index', () => {
		const before = containerPolicy();
		const after = edit(before, spec => spec.processPolicy[0]!.exe.push('/usr/bin/python3'));
		expect(diffPolicies(before, after).changes).toEqual([{kind: 'added', path: ['spec', 'processPolicy', 0, 'exe', 1], after: '/usr/bin/python3'}]);
	});

	test('an edited list element is one removal and one addition', () => {
		const before = containerPolicy();
		const after = edit(before, spec => (spec.networkPolicy.ingress[0]!.ports[0]!.port = 2222));
		expect(summary(before, after)).toEqual(['added spec.networkPolicy.ingress[0].ports[0]', 'removed spec.networkPolicy.ingress[0].ports[0]']);
	});

	test('process nodes are matched by id, so a new sibling before them does not shift their changes', () => {
		const before = containerPolicy();
		const after = edit(before, spec => {
			spec.processPolicy[0]!.euser!.push('www-data');
			spec.processPolicy.unshift({name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['root']});
		});
		const diff = diffPolicies(before, after);
		expect(diff.changes).toEqual([
			{kind: 'added', path: ['spec', 'processPolicy', 0], after: {name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['root']}},
			{kind: 'added', path: ['spec', 'processPolicy', 1, 'euser', 1], after: 'www-data'},
		]);
		expect(diff.counts).toEqual({add: 2, change: 0, remove: 0});
	});

	test('a new child node is one addition, its subtree included', () => {
		const before = containerPolicy();
		const child = {name: 'uname', exe: ['/bin/uname'], id: 'uname_0', children: [{name: 'cat', exe: ['/bin/cat'], id: 'cat_0'}]};
		const after = edit(before, spec => spec.processPolicy[0]!.children!.push(child));
		expect(diffPolicies(before, after).changes).toEqual([{kind: 'added', path: ['spec', 'processPolicy', 0, 'children', 1], after: child}]);
	});

	test('a removed node is located in the before object', () => {
		const before = edit(containerPolicy(), spec => spec.processPolicy.push({name: 'bash', exe: ['/bin/bash'], id: 'bash_0', euser: ['root']}));
		const after = edit(before, spec => spec.processPolicy.shift());
		expect(summary(before, after)).toEqual(['removed spec.processPolicy[0]']);
	});

	test('a node whose id changed is a different node', () => {
		const before = containerPolicy();
		const after = edit(before, spec => (spec.processPolicy[0]!.children![0]!.id = 'sh_1'));
		expect(summary(before, after)).toEqual(['added spec.processPolicy[0].children[0]', 'removed spec.processPolicy[0].children[0]']);
	});

	test('elements that only moved are one change of the whole list', () => {
		const before = edit(containerPolicy(), spec => spec.processPolicy[0]!.exe.push('/usr/bin/python3'));
		const after = edit(before, spec => spec.processPolicy[0]!.exe.reverse());
		expect(diffPolicies(before, after).changes).toEqual([
			{kind: 'changed', path: ['spec', 'processPolicy', 0, 'exe'], before: ['/usr/local/bin/python3.7', '/usr/bin/python3'], after: ['/usr/bin/python3', '/usr/local/bin/python3.7']},
		]);
	});

	test('a value of another type is changed', () => {
		const before = containerPolicy();
		const after = withValue(before, 'spec.processPolicy', 'none');
		expect(summary(before, after)).toEqual(['changed spec.processPolicy']);
	});

	test('an expression that gained a value is one addition inside it', () => {
		const before = withValue(containerPolicy(), 'spec.namespaceSelector.matchExpressions', [{key: 'env', operator: 'In', values: ['prod']}]);
		const after = withValue(before, 'spec.namespaceSelector.matchExpressions', [
			{key: 'bizbaz', operator: 'Exists'},
			{key: 'env', operator: 'In', values: ['prod', 'dev']},
		]);
		expect(summary(before, after)).toEqual(['added spec.namespaceSelector.matchExpressions[0]', 'added spec.namespaceSelector.matchExpressions[1].values[1]']);
	});

	test('a changed action is replaced, not edited: its atoms have nothing in common', () => {
		const before = containerPolicy();
		const after = withValue(before, 'spec.response.default.0.makeRedFlag.severity', 'critical');
		expect(summary(before, after)).toEqual(['added spec.response.default[0]', 'removed spec.response.default[0]']);
	});

	test('duplicates in a value list pair up one to one', () => {
		const before = edit(containerPolicy(), spec => (spec.processPolicy[0]!.euser! = ['root', 'root']));
		const after = edit(before, spec => spec.processPolicy[0]!.euser!.push('root'));
		expect(summary(before, after)).toEqual(['added spec.processPolicy[0].euser[2]']);
	});

	test('specChanged ignores metadata, as spyctl only skips when spec is untouched', () => {
		const before = containerPolicy();
		expect(specChanged(diffPolicies(before, withValue(before, 'metadata.latestTimestamp', 1_700_000_000)))).toBe(false);
		expect(specChanged(diffPolicies(before, withValue(before, 'spec.mode', 'enforce')))).toBe(true);
		expect(specChanged(diffPolicies(before, withValue(before, 'spec', undefined)))).toBe(true);
	});

	test('counts read like terraform', () => {
		expect(formatCounts({add: 3, change: 1, remove: 0})).toBe('3 to add, 1 to change, 0 to remove');
	});
});

describe('diffPolicies: network rules are matched by what they allow', () => {
	const rule = (cidr: string, port: number, processes = ['python_0']) => ({from: [{ipBlock: {cidr}}], ports: [{protocol: 'TCP' as const, port}], processes});

	test('a peer added to a rule is one addition inside that rule', () => {
		const before = edit(containerPolicy(), spec => (spec.networkPolicy.ingress = [rule('10.0.0.0/8', 22), rule('192.168.0.0/16', 443)]));
		const after = edit(before, spec => spec.networkPolicy.ingress[1]!.from.push({ipBlock: {cidr: '172.16.0.0/12'}}));
		expect(diffPolicies(before, after).changes).toEqual([{kind: 'added', path: ['spec', 'networkPolicy', 'ingress', 1, 'from', 1], after: {ipBlock: {cidr: '172.16.0.0/12'}}}]);
	});

	test('a widened rule pairs with its old version even when a new rule comes first', () => {
		const before = edit(containerPolicy(), spec => (spec.networkPolicy.ingress = [rule('10.0.0.0/8', 22)]));
		const after = edit(before, spec => {
			spec.networkPolicy.ingress[0]!.processes!.push('sh_0');
			spec.networkPolicy.ingress.unshift(rule('192.168.0.0/16', 8080, ['sh_0']));
		});
		expect(summary(before, after)).toEqual(['added spec.networkPolicy.ingress[0]', 'added spec.networkPolicy.ingress[1].processes[1]']);
	});

	test('a port is its protocol and number together: a rule with UDP/22 and TCP/80 is not the rule that allowed UDP/80', () => {
		const udp80 = {from: [{dnsSelector: ['db.local']}], ports: [{protocol: 'UDP' as const, port: 80}], processes: ['python_0']};
		const before = edit(containerPolicy(), spec => (spec.networkPolicy.ingress = [udp80]));
		const after = edit(before, spec => {
			spec.networkPolicy.ingress[0]!.from.push({ipBlock: {cidr: '0.0.0.0/0'}});
			spec.networkPolicy.ingress[0]!.ports.push({protocol: 'TCP', port: 22});
			spec.networkPolicy.ingress.push({...udp80, ports: [{protocol: 'TCP', port: 80}, {protocol: 'UDP', port: 22}]});
		});
		expect(summary(before, after)).toEqual(['added spec.networkPolicy.ingress[0].from[1]', 'added spec.networkPolicy.ingress[0].ports[1]', 'added spec.networkPolicy.ingress[1]']);
	});

	test('a DNS name added to a selector is one addition inside that peer', () => {
		const before = containerPolicy();
		const after = edit(before, spec => spec.networkPolicy.egress[0]!.to[0]!.dnsSelector!.push('redis.local'));
		expect(diffPolicies(before, after).changes).toEqual([{kind: 'added', path: ['spec', 'networkPolicy', 'egress', 0, 'to', 0, 'dnsSelector', 1], after: 'redis.local'}]);
	});

	test('a rule that grew far beyond its old size still pairs with it', () => {
		const before = edit(containerPolicy(), spec => (spec.networkPolicy.ingress = [rule('10.0.0.0/8', 22)]));
		const after = edit(before, spec => {
			for (const octet of [1, 2, 3, 4, 5, 6]) spec.networkPolicy.ingress[0]!.from.push({ipBlock: {cidr: `192.168.${octet}.0/24`}});
		});
		expect(diffPolicies(before, after).counts).toEqual({add: 6, change: 0, remove: 0});
	});

	test('rules with little in common are added and removed, not paired', () => {
		const before = edit(containerPolicy(), spec => (spec.networkPolicy.ingress = [rule('10.0.0.0/8', 22)]));
		const after = edit(before, spec => (spec.networkPolicy.ingress = [rule('192.168.0.0/16', 443)]));
		expect(summary(before, after)).toEqual(['added spec.networkPolicy.ingress[0]', 'removed spec.networkPolicy.ingress[0]']);
	});

	test('equal rules pair whatever their position; moving them is a reorder', () => {
		const before = edit(containerPolicy(), spec => (spec.networkPolicy.ingress = [rule('10.0.0.0/8', 22), rule('192.168.0.0/16', 443)]));
		const after = edit(before, spec => spec.networkPolicy.ingress.reverse());
		expect(summary(before, after)).toEqual(['changed spec.networkPolicy.ingress']);
	});
});
