import {describe, expect, test} from 'vitest';
import {indexProcesses} from '../../source/server/evaluate/process-index.js';
import {processSelectorMatches} from '../../source/server/evaluate/process-selector.js';
import {selectorsMatch} from '../../source/server/evaluate/selector-match.js';
import {workloadOf} from '../../source/server/evaluate/workload.js';

const container = workloadOf({
	metadata: {type: 'container', namespace: 'payments', 'pod-uid': 'pod:1', 'cluster-uid': 'clus:1', 'cluster-name': 'prod'},
	spec: {
		containerSelector: {image: 'registry.example.com/payments/api:2.4.1', imageID: 'sha256:abc', containerName: 'api', containerID: '0123456789ab'},
		podSelector: {matchLabels: {app: 'payments', tier: 'backend'}},
		machineSelector: {hostname: 'node-7.prod'},
	},
});

const service = workloadOf({
	metadata: {type: 'linux-service', muid: 'mach:42', hostname: 'bastion-02.corp'},
	spec: {serviceSelector: {cgroup: 'systemd:/system.slice/ssh.service'}},
});

describe('policy selectors against a fingerprint workload', () => {
	test('containerSelector fields are globs, each must match', () => {
		expect(selectorsMatch({containerSelector: {image: 'registry.example.com/payments/api:2.*'}}, container)).toBe(true);
		expect(selectorsMatch({containerSelector: {image: 'registry.example.com/payments/api:2.*', containerName: 'api'}}, container)).toBe(true);
		expect(selectorsMatch({containerSelector: {image: 'registry.example.com/payments/api:3.*'}}, container)).toBe(false);
		expect(selectorsMatch({containerSelector: {image: '*', containerName: 'worker'}}, container)).toBe(false);
		expect(selectorsMatch({containerSelector: {imageID: 'sha256:abc', containerID: '0123*'}}, container)).toBe(true);
	});

	test('a field the workload does not report never matches', () => {
		const bare = workloadOf({metadata: {type: 'container'}, spec: {containerSelector: {image: 'x'}}});
		expect(selectorsMatch({containerSelector: {containerName: '*'}}, bare)).toBe(false);
		expect(selectorsMatch({namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'payments'}}}, bare)).toBe(false);
	});

	test('matchFields and matchFieldsExpressions', () => {
		expect(selectorsMatch({containerSelector: {matchFields: {containerName: 'ap?'}}}, container)).toBe(true);
		expect(selectorsMatch({containerSelector: {matchFieldsExpressions: [{key: 'containerName', operator: 'In', values: ['api', 'web']}]}}, container)).toBe(true);
		expect(selectorsMatch({containerSelector: {matchFieldsExpressions: [{key: 'containerName', operator: 'NotIn', values: ['api']}]}}, container)).toBe(false);
		expect(selectorsMatch({clusterSelector: {matchFields: {name: 'prod'}}}, container)).toBe(true);
		expect(selectorsMatch({clusterSelector: {matchFields: {uid: 'clus:2'}}}, container)).toBe(false);
	});

	test('a namespace is known from metadata.namespace as its kubernetes.io/metadata.name label', () => {
		expect(selectorsMatch({namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'payments'}}}, container)).toBe(true);
		expect(selectorsMatch({namespaceSelector: {matchExpressions: [{key: 'kubernetes.io/metadata.name', operator: 'In', values: ['payments', 'payments-staging']}]}}, container)).toBe(true);
		expect(selectorsMatch({namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'storefront'}}}, container)).toBe(false);
	});

	test('label selectors follow Kubernetes: matchLabels is a subset, expressions In/NotIn/Exists/DoesNotExist', () => {
		expect(selectorsMatch({podSelector: {matchLabels: {app: 'payments'}}}, container)).toBe(true);
		expect(selectorsMatch({podSelector: {matchLabels: {app: 'payments', tier: 'frontend'}}}, container)).toBe(false);
		expect(selectorsMatch({podSelector: {matchExpressions: [{key: 'tier', operator: 'Exists'}]}}, container)).toBe(true);
		expect(selectorsMatch({podSelector: {matchExpressions: [{key: 'canary', operator: 'DoesNotExist'}]}}, container)).toBe(true);
		expect(selectorsMatch({podSelector: {matchExpressions: [{key: 'canary', operator: 'NotIn', values: ['true']}]}}, container)).toBe(true);
		expect(selectorsMatch({podSelector: {matchExpressions: [{key: 'canary', operator: 'In', values: ['true']}]}}, container)).toBe(false);
	});

	test('serviceSelector cgroup glob, machineSelector host names and machine uid', () => {
		expect(selectorsMatch({serviceSelector: {cgroup: 'systemd:/system.slice/ssh.service'}}, service)).toBe(true);
		expect(selectorsMatch({serviceSelector: {cgroup: 'systemd:/system.slice/*.service'}, machineSelector: {hostname: ['web-*', 'bastion-*']}}, service)).toBe(true);
		expect(selectorsMatch({serviceSelector: {matchFields: {name: 'ssh.service'}}}, service)).toBe(true);
		expect(selectorsMatch({machineSelector: {hostname: 'web-*'}}, service)).toBe(false);
		expect(selectorsMatch({machineSelector: {machineUID: ['mach:41', 'mach:42']}}, service)).toBe(true);
		expect(selectorsMatch({serviceSelector: {cgroup: 'systemd:/system.slice/cron.service'}}, service)).toBe(false);
	});

	test('every selector the holder has must match; one it lacks does not narrow', () => {
		expect(selectorsMatch({}, container)).toBe(true);
		expect(selectorsMatch({containerSelector: {image: '*'}, podSelector: {matchLabels: {app: 'other'}}}, container)).toBe(false);
	});
});

describe('processSelector of response actions', () => {
	const processes = indexProcesses([
		{name: 'java', exe: ['/opt/java/bin/java'], id: 'java_0', euser: ['app'], children: [{name: 'sh', exe: ['/usr/bin/dash'], id: 'sh_0', children: [{name: 'nc', exe: ['/usr/bin/nc.openbsd'], id: 'nc_0', euser: ['root']}]}]},
	]);
	const sh = processes.get('sh_0')!;
	const nc = processes.get('nc_0')!;

	test('users are inherited from the parent when a node has none', () => {
		expect(sh.euser).toEqual(['app']);
		expect(nc.euser).toEqual(['root']);
	});

	test('name, exe and euser are lists of globs; every field given must match', () => {
		expect(processSelectorMatches({name: ['bash', 'sh']}, sh)).toBe(true);
		expect(processSelectorMatches({exe: ['/usr/bin/*']}, sh)).toBe(true);
		expect(processSelectorMatches({name: ['sh'], euser: ['root']}, sh)).toBe(false);
		expect(processSelectorMatches({name: ['n?'], euser: ['root']}, nc)).toBe(true);
		expect(processSelectorMatches({name: ['nc'], exe: ['/bin/*']}, nc)).toBe(false);
	});

	test('interactive is not known from a fingerprint, so a selector asking for it picks nothing', () => {
		expect(processSelectorMatches({name: ['sh'], interactive: true}, sh)).toBe(false);
	});
});
