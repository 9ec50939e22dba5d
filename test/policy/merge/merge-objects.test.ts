import {describe, expect, test} from 'vitest';
import {mergeObjects, MergeTargetError} from '../../../source/policy/merge/merge-objects.js';
import type {SpyderbatObject} from '../../../source/policy/merge/merge-inputs.js';
import {normaliseNetworkPolicy, processesAlikeIn} from '../../../source/policy/merge/network.js';
import {skipMessage} from '../../../source/policy/merge/skip-reasons.js';
import type {NetworkPolicy, ProcessNode} from '../../../source/policy/merge/types.js';
import {validateObject} from '../../../source/policy/validate.js';
import {containerPolicy, yamlObject} from '../helpers.js';
import {fixtureObject, fixtureTitle, haveFixtures} from './fixture-files.js';
import {flatten, ids, nodeById, outline} from './tree-helpers.js';

const specOf = (object: SpyderbatObject) => object['spec'] as {processPolicy: ProcessNode[]; networkPolicy: NetworkPolicy} & Record<string, unknown>;
const metadataOf = (object: SpyderbatObject) => object['metadata'] as Record<string, unknown>;

/** Each rule as `peers ports processes`, for comparing network policies by what they allow. */
function rules(rules: NetworkPolicy['egress'] | NetworkPolicy['ingress']): string[] {
	return rules.map(rule => {
		const peers = ('to' in rule ? rule.to : rule.from).map(peer => peer.dnsSelector?.join('|') ?? peer.ipBlock?.cidr).join(',');
		const ports = rule.ports.map(port => `${port.protocol}/${port.port}${port.endPort === undefined ? '' : `-${port.endPort}`}`).join(',');
		return `${peers} ${ports} ${(rule.processes ?? ['*']).join(',')}`;
	});
}

function deviation(policyUid: string, spec: Record<string, unknown>): SpyderbatObject {
	return {apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: {type: 'container', policy_uid: policyUid, checksum: 'c0ffee', uid: 'dev:1'}, spec};
}

describe(fixtureTitle('merging spyctl\'s test_baseline_extra.yaml into test_policy.yaml'), () => {
	test.skipIf(!haveFixtures)('adds the python3.7 subtree under python_0 with fresh ids and keeps every other node', () => {
		const policy = fixtureObject('test_policy.yaml');
		const {merged, mergedCount, skipped} = mergeObjects(policy, fixtureObject('test_baseline_extra.yaml'), 'asymmetric');
		expect({mergedCount, skipped}).toEqual({mergedCount: 1, skipped: []});
		const tree = specOf(merged).processPolicy;
		expect(outline(tree)).toBe('python(python_0)[python3.7(python3.7_0)[sh(sh_3)[uname(uname_2)]] sh(sh_0)[uname(uname_0)]] sh(sh_1)[python(python_1)[sh(sh_2)[uname(uname_1)]]]');
		expect(new Set(ids(tree))).toEqual(new Set([...ids(specOf(policy).processPolicy), 'python3.7_0', 'sh_3', 'uname_2']));
		expect(nodeById(tree, 'python3.7_0')).toMatchObject({exe: ['/usr/local/bin/python3.7']});
		expect(nodeById(tree, 'python3.7_0').euser).toBeUndefined();
		expect(nodeById(tree, 'python_1').euser).toEqual(['web-svc']);
		expect(validateObject(merged)).toEqual([]);
	});

	test.skipIf(!haveFixtures)('keeps the network peers, with both pythons on every rule', () => {
		const {merged} = mergeObjects(fixtureObject('test_policy.yaml'), fixtureObject('test_baseline_extra.yaml'), 'asymmetric');
		const network = specOf(merged).networkPolicy;
		expect(rules(network.ingress)).toEqual(['192.168.6.11/32 TCP/22 python_0,python_1']);
		expect(rules(network.egress)).toEqual(['mongodb.local TCP/27017 python_0,python_1', '192.168.5.10/32,192.168.5.11/32,192.168.5.12/32,192.168.5.13/32 TCP/443 python_0,python_1']);
	});

	test.skipIf(!haveFixtures)('keeps the base\'s selectors where the other matches and unions the namespace expressions', () => {
		const {merged} = mergeObjects(fixtureObject('test_policy.yaml'), fixtureObject('test_baseline_extra.yaml'), 'asymmetric');
		const spec = specOf(merged);
		expect(Object.keys(spec)).toEqual(['containerSelector', 'podSelector', 'namespaceSelector', 'enabled', 'mode', 'processPolicy', 'networkPolicy', 'response']);
		expect(spec['containerSelector']).toEqual({image: 'spyderbat-test'});
		expect(spec['namespaceSelector']).toEqual({
			matchLabels: {'kubernetes.io/metadata.name': 'test'},
			matchExpressions: [
				{key: 'bizbaz', operator: 'Exists'},
				{key: 'env', operator: 'In', values: ['prod', 'dev']},
				{key: 'foobar', operator: 'DoesNotExist'},
				{key: 'tier', operator: 'NotIn', values: ['backend']},
			],
		});
	});

	test.skipIf(!haveFixtures)('leaves its inputs untouched', () => {
		const policy = fixtureObject('test_policy.yaml');
		const before = structuredClone(policy);
		mergeObjects(policy, fixtureObject('test_baseline_extra.yaml'), 'asymmetric');
		expect(policy).toEqual(before);
	});
});

describe(fixtureTitle('merging a deviation into the server-shaped mock_policy.yaml'), () => {
	const newChildren = deviation('pol:VRQaaJkukIl6Au1C0PrT', {
		processPolicy: [
			{
				policyNode: {
					id: 'sh_2',
					children: [
						{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0', euser: ['root']},
						{name: 'sh', exe: ['/bin/sh'], id: 'sh_1', euser: ['nobody']},
					],
				},
			},
		],
		networkPolicy: {
			egress: [
				{to: [{dnsSelector: ['api.example.com']}], processes: ['curl_0'], ports: [{protocol: 'TCP', port: 443}]},
				{to: [{ipBlock: {cidr: '10.100.66.198/32'}}], processes: ['python_1'], ports: [{protocol: 'TCP', port: 27017}]},
			],
		},
	});

	test.skipIf(!haveFixtures)('new children join under the policyNode; a taken id is renumbered and network rules follow it', () => {
		const policy = fixtureObject('../mock_resources/mock_policy.yaml');
		const {merged, skipped} = mergeObjects(policy, newChildren, 'asymmetric');
		expect(skipped).toEqual([]);
		const tree = specOf(merged).processPolicy;
		expect(outline(nodeById(tree, 'sh_2').children ?? [])).toBe('curl(curl_0) sh(sh_5) uname(uname_1)');
		expect(flatten(tree).find(({node}) => node.id === 'sh_5')?.parent).toBe('sh_2');
		// curl runs as the root its ancestors run as: no euser of its own; the new sh does not.
		expect(nodeById(tree, 'curl_0').euser).toBeUndefined();
		expect(nodeById(tree, 'sh_5').euser).toEqual(['nobody']);
		const egress = rules(specOf(merged).networkPolicy.egress);
		expect(egress).toContain('api.example.com TCP/443 curl_0');
		// The python_1 connection was allowed already: beside curl's rule the egress is the policy's own, normalised.
		expect(egress.filter(rule => !rule.startsWith('api.example.com'))).toEqual(rules(normaliseNetworkPolicy(specOf(policy).networkPolicy, processesAlikeIn(specOf(policy).processPolicy)).egress));
		expect(validateObject(merged)).toEqual([]);
	});

	test.skipIf(!haveFixtures)('keeps the server metadata (version, createdBy, selectorHash …) so the policy can be applied again', () => {
		const policy = fixtureObject('../mock_resources/mock_policy.yaml');
		const {merged} = mergeObjects(policy, newChildren, 'asymmetric');
		expect(metadataOf(merged)).toEqual(metadataOf(policy));
		expect(Object.keys(metadataOf(merged))).toEqual(Object.keys(metadataOf(policy)));
	});

	test.skipIf(!haveFixtures)('a deviation of another policy, or naming a node the policy lacks, is skipped with nothing changed', () => {
		const policy = fixtureObject('../mock_resources/mock_policy.yaml');
		const stranger = deviation('pol:someone-else', {processPolicy: [{name: 'x', exe: ['/x'], id: 'x_0', euser: ['root']}]});
		const dangling = deviation('pol:VRQaaJkukIl6Au1C0PrT', {processPolicy: [{policyNode: {id: 'gone_0', children: [{name: 'x', exe: ['/x'], id: 'x_0'}]}}]});
		const {merged, mergedCount, skipped} = mergeObjects(policy, [stranger, dangling], 'asymmetric');
		expect(mergedCount).toBe(0);
		expect(merged).toEqual(policy);
		expect(skipped.map(skip => skipMessage(skip, 'merge', "local file 'p.yaml'"))).toEqual([
			"Error uid mismatch. Trying to merge local file 'p.yaml' of type 'container' with 'GuardianDeviation' but the policy uids do not match. Skipping...",
			'Unable to merge with invalid object. Deviation process node ID (gone_0) is missing in base policy. Skipping...',
		]);
	});
});

describe('mergeObjects without fixtures', () => {
	test('an object of another type is skipped in spyctl\'s words', () => {
		const service = yamlObject(`apiVersion: spyderbat/v1
kind: SpyderbatBaseline
metadata: {name: svc, type: linux-service}
spec:
  serviceSelector: {cgroup: systemd:/system.slice/x.service}
  processPolicy: []
  networkPolicy: {ingress: [], egress: []}
`);
		const {skipped} = mergeObjects(containerPolicy(), service, 'asymmetric');
		expect(skipMessage(skipped[0]!, 'merge', "local file 'p.yaml'")).toBe(
			"Error type mismatch. Trying to merge local file 'p.yaml' of type 'container' with 'SpyderbatBaseline' object of type 'linux-service'. Skipping...",
		);
	});

	test('a fingerprint group merges each of its fingerprints', () => {
		const fingerprint = (name: string) => ({
			apiVersion: 'spyderbat/v1',
			kind: 'SpyderbatFingerprint',
			metadata: {type: 'container', latestTimestamp: 1_700_000_000},
			spec: {containerSelector: {image: 'spyderbat-test'}, processPolicy: [{name, exe: [`/bin/${name}`], id: `${name}_0`, euser: ['root']}], networkPolicy: {ingress: [], egress: []}},
		});
		const group = {apiVersion: 'spyderbat/v1', kind: 'FingerprintGroup', metadata: {}, data: {fingerprints: [fingerprint('ls'), fingerprint('cat')]}};
		const {merged, mergedCount} = mergeObjects(containerPolicy(), group, 'asymmetric');
		expect(mergedCount).toBe(2);
		expect(outline(specOf(merged).processPolicy)).toBe('python(python_0)[sh(sh_0)] ls(ls_0) cat(cat_0)');
		expect(metadataOf(merged)['latestTimestamp']).toBe(1_700_000_000);
	});

	test('cluster and trace policies cannot be merged into', () => {
		const cluster = {apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: 'c', type: 'cluster'}, spec: {}};
		expect(() => mergeObjects(cluster, containerPolicy(), 'asymmetric')).toThrow(MergeTargetError);
	});

	test('an object without processPolicy leaves the tree exactly as written', () => {
		const policy = containerPolicy();
		(specOf(policy).processPolicy[0]!.children ??= []).push({name: 'awk', exe: ['/usr/bin/awk'], id: 'awk_0'});
		const onlyNetwork = deviation('pol:x', {networkPolicy: {egress: [{to: [{dnsSelector: ['x.example.com']}], ports: [{protocol: 'TCP', port: 80}]}]}});
		const {merged} = mergeObjects({...policy, metadata: {...metadataOf(policy), uid: 'pol:x'}}, onlyNetwork, 'asymmetric');
		expect(specOf(merged).processPolicy).toBe(specOf(policy).processPolicy);
		expect(rules(specOf(merged).networkPolicy.egress)).toContain('x.example.com TCP/80 *');
	});

	test('disableProcesses: all leaves no process tree and no process references', () => {
		const policy = containerPolicy();
		specOf(policy)['disableProcesses'] = 'all';
		const {merged} = mergeObjects(policy, containerPolicy(), 'asymmetric');
		expect(specOf(merged).processPolicy).toEqual([]);
		expect(specOf(merged).networkPolicy.ingress.every(rule => rule.processes === undefined)).toBe(true);
		expect(validateObject(merged)).toEqual([]);
	});
});
