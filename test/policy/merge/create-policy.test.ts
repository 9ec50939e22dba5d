import {describe, expect, test} from 'vitest';
import {createPolicy, CreatePolicyError} from '../../../source/policy/create/create-policy.js';
import type {SpyderbatObject} from '../../../source/policy/merge/merge-inputs.js';
import type {NetworkPolicy, ProcessNode} from '../../../source/policy/merge/types.js';
import {formatPath} from '../../../source/policy/problem.js';
import {containerPolicy, yamlObject} from '../helpers.js';
import {fixtureObject, fixtureTitle, haveFixtures} from './fixture-files.js';
import {outline} from './tree-helpers.js';

type Spec = {processPolicy: ProcessNode[]; networkPolicy: NetworkPolicy} & Record<string, unknown>;
const specOf = (object: SpyderbatObject) => object['spec'] as Spec;

/** Every single connection a network policy allows: direction, peer, port and process. */
function connections(network: NetworkPolicy): string[] {
	const each = (direction: string, rules: Array<{peers: Array<{ipBlock?: {cidr: string}; dnsSelector?: string[]}>; ports: NetworkPolicy['egress'][number]['ports']; processes?: string[]}>) =>
		rules.flatMap(rule =>
			rule.peers.flatMap(peer =>
				(peer.dnsSelector ?? [peer.ipBlock?.cidr]).flatMap(target => rule.ports.flatMap(port => (rule.processes ?? ['*']).map(process => `${direction} ${target} ${port.protocol}/${port.port} ${process}`))),
			),
		);
	return [...each('ingress', network.ingress.map(rule => ({...rule, peers: rule.from}))), ...each('egress', network.egress.map(rule => ({...rule, peers: rule.to})))].sort();
}

const fingerprint = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): SpyderbatObject => ({
	apiVersion: 'spyderbat/v1',
	kind: 'SpyderbatFingerprint',
	metadata: {name: 'web', type: 'container', latestTimestamp: 1_700_000_000, ...metadata},
	spec: {
		containerSelector: {image: 'registry.io/web:v1', imageID: 'sha256:abc'},
		processPolicy: [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root']}],
		networkPolicy: {
			ingress: [{from: [{ipBlock: {cidr: '10.0.0.0/8'}}], ports: [{protocol: 'TCP', port: 80}], processes: ['nginx_0']}],
			egress: [{to: [{ipBlock: {cidr: '8.8.8.8/32'}}], ports: [{protocol: 'UDP', port: 53}]}],
		},
		...spec,
	},
});

describe(fixtureTitle('create policy from spyctl\'s test resources'), () => {
	test.skipIf(!haveFixtures)('from test_baseline.yaml gives test_policy.yaml, key order included (spyctl\'s own test)', () => {
		const {policy} = createPolicy([fixtureObject('test_baseline.yaml')]);
		expect(JSON.stringify(policy, null, 1)).toBe(JSON.stringify(fixtureObject('test_policy.yaml'), null, 1));
	});

	test.skipIf(!haveFixtures)('from test_fprint_group.yaml gives test_created_policy.yaml, key order included (spyctl\'s own test)', () => {
		const {policy, skipped} = createPolicy([fixtureObject('test_fprint_group.yaml')]);
		expect(skipped).toEqual([]);
		expect(JSON.stringify(policy, null, 1)).toBe(JSON.stringify(fixtureObject('test_created_policy.yaml'), null, 1));
	});

	test.skipIf(!haveFixtures)('from test_fprint_group.yaml: the second fingerprint\'s tree is renumbered and its rules join the first\'s', () => {
		const group = fixtureObject('test_fprint_group.yaml');
		const [first, second] = (group['data'] as {fingerprints: SpyderbatObject[]}).fingerprints;
		const {policy} = createPolicy([group]);
		expect(outline(specOf(policy).processPolicy)).toBe('python(python_0)[sh(sh_0)[uname(uname_0)]] sh(sh_1)[python(python_1)[sh(sh_2)[uname(uname_1)]]]');
		expect(specOf(policy).processPolicy[1]!.children![0]!.euser).toEqual(['web-svc']);
		// Both pythons are the same program, so one rule per connection names both (spyctl's "alike processes").
		expect(specOf(policy).networkPolicy.ingress).toEqual([{from: [{ipBlock: {cidr: '192.168.6.11/32'}}], processes: ['python_0', 'python_1'], ports: [{protocol: 'TCP', port: 22}]}]);
		expect(specOf(policy).networkPolicy.egress.map(rule => rule.to.map(peer => peer.dnsSelector?.[0] ?? peer.ipBlock?.cidr))).toEqual([
			['mongodb.local'],
			['192.168.5.10/32', '192.168.5.11/32', '192.168.5.12/32', '192.168.5.13/32'],
		]);
		const allowed = connections(specOf(policy).networkPolicy);
		expect(allowed).toEqual(expect.arrayContaining(connections(specOf(first!).networkPolicy)));
		expect(allowed).toEqual(expect.arrayContaining(connections(specOf(second!).networkPolicy).map(connection => connection.replace(/ python_0$/, ' python_1'))));
	});
});

describe('createPolicy', () => {
	test('a single fingerprint: identity metadata only, imageID dropped, mode and response template added in spyctl\'s key order', () => {
		const {policy} = createPolicy([fingerprint({}, {muid: 'mach:1', org_uid: 'o', firstTimestamp: 1})]);
		expect(policy['metadata']).toEqual({name: 'web', type: 'container', latestTimestamp: 1_700_000_000});
		expect(Object.keys(specOf(policy))).toEqual(['containerSelector', 'mode', 'processPolicy', 'networkPolicy', 'response']);
		expect(specOf(policy)['containerSelector']).toEqual({image: 'registry.io/web:v1'});
		expect(specOf(policy)['mode']).toBe('audit');
		expect(specOf(policy)['response']).toEqual({default: [{makeRedFlag: {severity: 'high'}}], actions: []});
	});

	test('several fingerprints merge symmetrically: image generalised, ids renumbered, latest timestamp kept', () => {
		const second = fingerprint(
			{
				containerSelector: {image: 'registry.io/web:v2', imageID: 'sha256:def'},
				processPolicy: [{name: 'sh', exe: ['/bin/sh'], id: 'nginx_0', euser: ['www']}],
			},
			{latestTimestamp: 1_800_000_000},
		);
		const {policy} = createPolicy([fingerprint({}), second], {includeImageId: true});
		expect(specOf(policy)['containerSelector']).toEqual({image: 'registry.io/web:v*'});
		expect(outline(specOf(policy).processPolicy)).toBe('nginx(nginx_0) sh(nginx_1)');
		expect((policy['metadata'] as Record<string, unknown>)['latestTimestamp']).toBe(1_800_000_000);
	});

	test('--name, --mode and --include-imageid', () => {
		const {policy} = createPolicy([fingerprint({})], {name: 'renamed', mode: 'enforce', includeImageId: true});
		expect((policy['metadata'] as Record<string, unknown>)['name']).toBe('renamed');
		expect(specOf(policy)['mode']).toBe('enforce');
		expect(specOf(policy)['containerSelector']).toEqual({image: 'registry.io/web:v1', imageID: 'sha256:abc'});
	});

	test('an input policy keeps its own mode and response unless --mode is given', () => {
		const source = containerPolicy();
		specOf(source)['mode'] = 'enforce';
		expect(specOf(createPolicy([source]).policy)['mode']).toBe('enforce');
		expect(specOf(createPolicy([source], {mode: 'audit'}).policy)['mode']).toBe('audit');
	});

	test('-d all: the switch is set and the policy has no process tree nor process references', () => {
		const {policy} = createPolicy([fingerprint({})], {disableProcesses: 'all'});
		expect(specOf(policy)['disableProcesses']).toBe('all');
		expect(specOf(policy).processPolicy).toEqual([]);
		expect(specOf(policy).networkPolicy.ingress[0]?.processes).toBeUndefined();
		expect(Object.keys(specOf(policy))).toEqual(['containerSelector', 'mode', 'disableProcesses', 'processPolicy', 'networkPolicy', 'response']);
	});

	test.each([
		['private', {disablePrivateConnections: 'all'}, {ingress: 0, egress: 1}],
		['public-egress', {disablePublicConnections: 'egress'}, {ingress: 1, egress: 0}],
		['ingress', {disableConnections: 'ingress'}, {ingress: 0, egress: 1}],
		['all', {disableConnections: 'all'}, {ingress: 0, egress: 0}],
	] as const)('-D %s sets %j and leaves those connections out', (choice, switches, counts) => {
		const {policy} = createPolicy([fingerprint({})], {disableConnections: choice});
		expect(specOf(policy)).toMatchObject(switches);
		expect({ingress: specOf(policy).networkPolicy.ingress.length, egress: specOf(policy).networkPolicy.egress.length}).toEqual(counts);
	});

	test('objects of another type are skipped, not merged', () => {
		const service = fingerprint({containerSelector: undefined, serviceSelector: {cgroup: 'systemd:/system.slice/x.service'}}, {type: 'linux-service'});
		const {policy, skipped} = createPolicy([fingerprint({}), service]);
		expect(skipped.map(skip => skip.reason.kind)).toEqual(['type-mismatch']);
		expect(outline(specOf(policy).processPolicy)).toBe('nginx(nginx_0)');
	});

	test('a policy that fails validation is refused with its problems', () => {
		const onlyImageId = fingerprint({containerSelector: {imageID: 'sha256:abc'}});
		const error = (() => {
			try {
				createPolicy([onlyImageId]);
			} catch (caught) {
				return caught;
			}
		})() as CreatePolicyError;
		expect(error).toBeInstanceOf(CreatePolicyError);
		expect(error.message).toBe('Created policy failed validation.');
		expect(error.problems.map(problem => `${formatPath(problem.path)}: ${problem.message}`)).toContain('spec.containerSelector: containerSelector needs at least one field');
	});

	test('nothing to build with, a UidList, a deviation first or a cluster policy are refused', () => {
		expect(() => createPolicy([])).toThrow('Nothing to build policy with');
		expect(() => createPolicy([{apiVersion: 'spyderbat/v1', kind: 'FingerprintGroup', metadata: {}, data: {fingerprints: []}}])).toThrow('Nothing to build policy with');
		expect(() => createPolicy([yamlObject('{apiVersion: spyderbat/v1, kind: UidList, metadata: {startTime: 1, endTime: 2}, data: {uniqueIdentifiers: []}}')])).toThrow(/UidList/);
		expect(() => createPolicy([{apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: {type: 'container'}, spec: {}}])).toThrow(/first input/);
		expect(() => createPolicy([{apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: 'c', type: 'cluster'}, spec: {}}])).toThrow(/type 'cluster'/);
	});
});
