import {describe, expect, test} from 'vitest';
import {
	clusterPolicy,
	containerPolicy,
	expectOnlyProblem,
	expectProblem,
	expectValid,
	type Json,
	type JsonObject,
	linuxServicePolicy,
	problemsOf,
	tracePolicy,
	withValue,
	yamlObject,
} from './helpers.js';

const ingressPort = 'spec.networkPolicy.ingress.0.ports.0';
const ingressPeer = 'spec.networkPolicy.ingress.0.from.0';

function withIngressPort(port: Json): JsonObject {
	return withValue(containerPolicy(), ingressPort, port);
}

function withIpBlock(ipBlock: Json): JsonObject {
	return withValue(containerPolicy(), ingressPeer, {ipBlock});
}

function withDefaultAction(entry: Json): JsonObject {
	return withValue(containerPolicy(), 'spec.response.default', [entry]);
}

function withAction(entry: Json): JsonObject {
	return withValue(containerPolicy(), 'spec.response.actions', [entry]);
}

describe('envelope', () => {
	test('the minimal container policy of reference §1.12 is valid', () => {
		expectValid(containerPolicy());
	});

	test('apiVersion must be spyderbat/v1', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'apiVersion', 'spyderbat/v2'), 'apiVersion', "must be 'spyderbat/v1'");
		expectOnlyProblem(withValue(containerPolicy(), 'apiVersion', undefined), 'apiVersion', /spyderbat\/v1|is required/);
	});

	test('an unknown kind has no schema', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'kind', 'SpyderbatWidget'), 'kind', "Unable to validate 'SpyderbatWidget', no schema exists for objects of that type.");
	});

	test('kind is required', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'kind', undefined), 'kind', 'is required');
	});

	test('metadata.name is required and not empty', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'metadata.name', undefined), 'metadata.name', 'is required');
		expectOnlyProblem(withValue(containerPolicy(), 'metadata.name', ''), 'metadata.name', 'must not be empty');
	});

	test('metadata.type is required', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'metadata.type', undefined), 'metadata.type', /is required|must be one of/);
	});

	test('metadata.type must be one of the four policy types, and the message names all four', () => {
		expectValid(linuxServicePolicy());
		expectValid(clusterPolicy());
		expectValid(tracePolicy());
		const problems = problemsOf(withValue(containerPolicy(), 'metadata.type', 'pod'));
		const typeProblem = problems.find(problem => problem.path === 'metadata.type');
		expect(typeProblem?.message).toMatch(/container/);
		expect(typeProblem?.message).toMatch(/linux-service/);
		expect(typeProblem?.message).toMatch(/cluster/);
		expect(typeProblem?.message).toMatch(/trace/);
	});

	test('metadata keeps keys it does not know (the server adds its own)', () => {
		expectValid(withValue(containerPolicy(), 'metadata.createdBy', 'someone@example.com'));
		expectValid(withValue(containerPolicy(), 'metadata.uid', 'pol:VRQaaJkukIl6Au1C0PrT'));
	});

	test('a missing required field says "is required", whatever type the field has', () => {
		expectProblem(withValue(containerPolicy(), 'apiVersion', undefined), 'apiVersion', 'is required');
		expectProblem(withValue(containerPolicy(), 'metadata.type', undefined), 'metadata.type', 'is required');
		expectProblem(withValue(containerPolicy(), 'spec.response.default.0.makeRedFlag.severity', undefined), 'spec.response.default[0].makeRedFlag.severity', 'is required');
		expectProblem(withValue(containerPolicy(), 'spec.networkPolicy.ingress.0.ports.0.protocol', undefined), 'spec.networkPolicy.ingress[0].ports[0].protocol', 'is required');
		expectProblem(withDefaultAction({agentReniceProcess: {}}), 'spec.response.default[0].agentReniceProcess.priority', 'is required');
	});

	test('an unknown top-level key is rejected', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'status', 'ok'), 'status', "unknown field 'status'");
	});
});

describe('spec keys', () => {
	test('an unknown spec key is reported at the key, with a did-you-mean', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.enabeld', true), 'spec.enabeld', "unknown field 'enabeld' (did you mean 'enabled'?)");
		expectOnlyProblem(withValue(containerPolicy(), 'spec.modes', 'audit'), 'spec.modes', /unknown field 'modes'.*did you mean 'mode'/);
	});

	test('a suggestion names a field that is allowed at that place', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.containerSelector.imag', 'x'), 'spec.containerSelector.imag', "unknown field 'imag' (did you mean 'image'?)");
		// 'id' is a process node field, not a machineSelector one: suggesting it would mislead.
		const problems = problemsOf(withValue(containerPolicy(), 'spec.machineSelector', {hostname: 'web-1', ip: '10.0.0.1'}));
		expect(problems).toEqual([{path: 'spec.machineSelector.ip', message: expect.stringContaining("unknown field 'ip'") as string}]);
		expect(problems[0]?.message).not.toContain("did you mean 'id'");
	});

	test('an unknown key far from any field gets no suggestion', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.zzzzzzzzzz', 1), 'spec.zzzzzzzzzz', /^unknown field 'zzzzzzzzzz'$/);
	});

	test('processPolicy, networkPolicy and response are required', () => {
		expectProblem(withValue(containerPolicy(), 'spec.processPolicy', undefined), 'spec.processPolicy', 'is required');
		expectOnlyProblem(withValue(containerPolicy(), 'spec.networkPolicy', undefined), 'spec.networkPolicy', 'is required');
		expectOnlyProblem(withValue(containerPolicy(), 'spec.response', undefined), 'spec.response', 'is required');
	});

	test('networkPolicy needs both ingress and egress', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.networkPolicy.egress', undefined), 'spec.networkPolicy.egress', 'is required');
		expectValid(withValue(withValue(containerPolicy(), 'spec.networkPolicy.egress', []), 'spec.networkPolicy.ingress', []));
	});

	test('mode is audit or enforce', () => {
		expectValid(withValue(containerPolicy(), 'spec.mode', 'enforce'));
		expectOnlyProblem(withValue(containerPolicy(), 'spec.mode', 'monitor'), 'spec.mode', /audit.*enforce/);
	});

	test('enabled is a boolean', () => {
		expectValid(withValue(containerPolicy(), 'spec.enabled', false));
		expectOnlyProblem(withValue(containerPolicy(), 'spec.enabled', 'yes'), 'spec.enabled', 'must be true or false');
	});

	test('disableProcesses accepts only all', () => {
		expectValid(withValue(containerPolicy(), 'spec.disableProcesses', 'all'));
		expectOnlyProblem(withValue(containerPolicy(), 'spec.disableProcesses', 'some'), 'spec.disableProcesses', "'all'");
	});

	test.each(['disableConnections', 'disablePrivateConnections', 'disablePublicConnections'])('%s is all, egress or ingress', key => {
		for (const value of ['all', 'egress', 'ingress']) expectValid(withValue(containerPolicy(), ['spec', key], value));
		expectOnlyProblem(withValue(containerPolicy(), ['spec', key], 'both'), `spec.${key}`, /all.*egress.*ingress/);
	});
});

describe('required selector by type', () => {
	test('container needs containerSelector', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.containerSelector', undefined), 'spec', "Type is 'container' and no 'containerSelector' found in spec");
	});

	test('linux-service needs serviceSelector', () => {
		expectValid(linuxServicePolicy());
		expectOnlyProblem(withValue(linuxServicePolicy(), 'spec.serviceSelector', undefined), 'spec', "Type is 'linux-service' and no 'serviceSelector' found in spec");
	});

	test('cluster needs clusterSelector', () => {
		expectValid(clusterPolicy());
		expectProblem(withValue(clusterPolicy(), 'spec.clusterSelector', undefined), 'spec', "Type is 'cluster' and no 'clusterSelector' found in spec");
	});

	test('an empty required selector is not enough', () => {
		const problems = problemsOf(withValue(containerPolicy(), 'spec.containerSelector', {}));
		expect(problems).toHaveLength(1);
		expect(problems[0]?.path).toMatch(/^spec(\.containerSelector)?$/);
	});
});

describe('selectors', () => {
	test('containerSelector takes image, imageID, containerName, containerID and their matchFields', () => {
		expectValid(withValue(containerPolicy(), 'spec.containerSelector', {image: 'nginx*', imageID: 'sha256:abc', containerName: '/web', containerID: 'd842*'}));
		expectValid(withValue(containerPolicy(), 'spec.containerSelector', {matchFields: {image: 'a', imageID: 'b', containerName: 'c', containerID: 'd'}}));
		expectOnlyProblem(withValue(containerPolicy(), 'spec.containerSelector.tag', 'latest'), 'spec.containerSelector.tag', "unknown field 'tag'");
		expectOnlyProblem(withValue(containerPolicy(), 'spec.containerSelector.matchFields', {cgroup: 'x'}), 'spec.containerSelector.matchFields.cgroup', /cgroup/);
	});

	test('serviceSelector takes cgroup, and matchFields cgroup and name', () => {
		expectValid(withValue(linuxServicePolicy(), 'spec.serviceSelector', {matchFields: {cgroup: 'systemd:/system.slice/a.service', name: 'a.service'}}));
		expectOnlyProblem(withValue(linuxServicePolicy(), 'spec.serviceSelector.image', 'x'), 'spec.serviceSelector.image', "unknown field 'image'");
		expectOnlyProblem(withValue(linuxServicePolicy(), 'spec.serviceSelector.matchFields', {image: 'x'}), 'spec.serviceSelector.matchFields.image', /image/);
	});

	test('clusterSelector takes only matchFields / matchFieldsExpressions on name and uid', () => {
		expectValid(withValue(clusterPolicy(), 'spec.clusterSelector', {matchFields: {name: 'c1', uid: 'clus:abc'}}));
		expectValid(withValue(clusterPolicy(), 'spec.clusterSelector', {matchFieldsExpressions: [{key: 'name', operator: 'In', values: ['c1', 'c2']}]}));
		expectOnlyProblem(withValue(clusterPolicy(), 'spec.clusterSelector.name', 'c1'), 'spec.clusterSelector.name', "unknown field 'name'");
		expectOnlyProblem(withValue(clusterPolicy(), 'spec.clusterSelector.matchFields', {image: 'x'}), 'spec.clusterSelector.matchFields.image', /image/);
	});

	test('machineSelector takes hostname and machineUID (text or list), matchFields hostname, sourceName, uid', () => {
		expectValid(withValue(containerPolicy(), 'spec.machineSelector', {hostname: 'web-1', machineUID: ['mach:a', 'mach:b']}));
		expectValid(withValue(containerPolicy(), 'spec.machineSelector', {hostname: ['web-1', 'web-2']}));
		expectValid(withValue(containerPolicy(), 'spec.machineSelector', {matchFields: {hostname: 'a', sourceName: 'b', uid: 'c'}}));
		expectProblem(withValue(containerPolicy(), 'spec.machineSelector', {ip: '10.0.0.1'}), 'spec.machineSelector.ip', "unknown field 'ip'");
		expectOnlyProblem(withValue(containerPolicy(), 'spec.machineSelector', {matchFields: {cgroup: 'x'}}), 'spec.machineSelector.matchFields.cgroup', /cgroup/);
	});

	test('matchFieldsExpressions keys are restricted like matchFields', () => {
		expectValid(withValue(containerPolicy(), 'spec.containerSelector.matchFieldsExpressions', [{key: 'image', operator: 'In', values: ['a']}]));
		expectOnlyProblem(
			withValue(containerPolicy(), 'spec.containerSelector.matchFieldsExpressions', [{key: 'cgroup', operator: 'In', values: ['a']}]),
			'spec.containerSelector.matchFieldsExpressions[0].key',
			/image.*imageID.*containerName.*containerID/,
		);
	});

	test('namespaceSelector and podSelector need matchLabels or matchExpressions', () => {
		expectValid(withValue(containerPolicy(), 'spec.podSelector', {matchLabels: {app: 'web'}}));
		expectValid(withValue(containerPolicy(), 'spec.podSelector', {matchExpressions: [{key: 'app', operator: 'Exists'}]}));
		expectOnlyProblem(withValue(containerPolicy(), 'spec.namespaceSelector', {}), 'spec.namespaceSelector', /matchLabels or matchExpressions/);
		expectOnlyProblem(withValue(containerPolicy(), 'spec.podSelector', {}), 'spec.podSelector', /matchLabels or matchExpressions/);
		expectOnlyProblem(withValue(containerPolicy(), 'spec.podSelector', {matchLabels: {app: 'web'}, labels: {}}), 'spec.podSelector.labels', "unknown field 'labels'");
	});

	test('an empty matchLabels does not count (spyctl: "Need matchLabels or matchExpressions")', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.namespaceSelector', {matchLabels: {}}), 'spec.namespaceSelector', /matchLabels or matchExpressions/);
	});

	test('matchLabels values are text', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.podSelector', {matchLabels: {replicas: 3}}), 'spec.podSelector.matchLabels.replicas', 'must be text');
	});
});

describe('expressions', () => {
	const withExpression = (expression: Json) => withValue(containerPolicy(), 'spec.podSelector', {matchExpressions: [expression]});

	test.each(['In', 'NotIn'])('%s needs values', operator => {
		expectValid(withExpression({key: 'app', operator, values: ['web']}));
		expectOnlyProblem(withExpression({key: 'app', operator}), 'spec.podSelector.matchExpressions[0].values', /values are required/);
		expectOnlyProblem(withExpression({key: 'app', operator, values: []}), 'spec.podSelector.matchExpressions[0].values', /values are required/);
	});

	test.each(['Exists', 'DoesNotExist'])('%s forbids values', operator => {
		expectValid(withExpression({key: 'app', operator}));
		expectOnlyProblem(withExpression({key: 'app', operator, values: ['web']}), 'spec.podSelector.matchExpressions[0].values', /must not be set/);
	});

	test('the operator is one of In, NotIn, Exists, DoesNotExist', () => {
		expectOnlyProblem(withExpression({key: 'app', operator: 'Equals', values: ['web']}), 'spec.podSelector.matchExpressions[0].operator', /In, NotIn, Exists, DoesNotExist/);
	});

	test('matchFieldsExpressions follow the same operator rules', () => {
		const withFieldExpression = (expression: Json) => withValue(clusterPolicy(), 'spec.clusterSelector', {matchFieldsExpressions: [expression]});
		expectValid(withFieldExpression({key: 'uid', operator: 'Exists'}));
		expectOnlyProblem(withFieldExpression({key: 'uid', operator: 'NotIn'}), 'spec.clusterSelector.matchFieldsExpressions[0].values', /values are required/);
		expectOnlyProblem(withFieldExpression({key: 'uid', operator: 'DoesNotExist', values: ['a']}), 'spec.clusterSelector.matchFieldsExpressions[0].values', /must not be set/);
	});
});

describe('processPolicy nodes', () => {
	const root = 'spec.processPolicy.0';

	test('name is required and not empty', () => {
		expectOnlyProblem(withValue(containerPolicy(), `${root}.name`, undefined), 'spec.processPolicy[0].name', 'is required');
		expectOnlyProblem(withValue(containerPolicy(), `${root}.name`, ''), 'spec.processPolicy[0].name', 'must not be empty');
	});

	test('exe is a non-empty list', () => {
		expectOnlyProblem(withValue(containerPolicy(), `${root}.exe`, []), 'spec.processPolicy[0].exe', 'must not be empty');
		expectOnlyProblem(withValue(containerPolicy(), `${root}.exe`, '/bin/sh'), 'spec.processPolicy[0].exe', 'must be a list');
		expectOnlyProblem(withValue(containerPolicy(), `${root}.exe`, undefined), 'spec.processPolicy[0].exe', 'is required');
	});

	test('id is required', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.processPolicy.0.children.0.id', undefined), 'spec.processPolicy[0].children[0].id', 'is required');
	});

	test('euser is optional, and a list when present', () => {
		expectValid(withValue(containerPolicy(), `${root}.euser`, undefined));
		expectOnlyProblem(withValue(containerPolicy(), `${root}.euser`, 'root'), 'spec.processPolicy[0].euser', 'must be a list');
	});

	test('listeningSockets are ports', () => {
		expectValid(withValue(containerPolicy(), `${root}.listeningSockets`, [{protocol: 'TCP', port: 8080}, {protocol: 'UDP', port: 53, endPort: 54}]));
		expectOnlyProblem(withValue(containerPolicy(), `${root}.listeningSockets`, [{protocol: 'TCP', port: 70_000}]), 'spec.processPolicy[0].listeningSockets[0].port', /at most 65535/);
	});

	test('children are checked recursively', () => {
		const deep = withValue(containerPolicy(), 'spec.processPolicy.0.children.0.children', [{name: 'ls', exe: [], id: 'ls_0'}]);
		expectOnlyProblem(deep, 'spec.processPolicy[0].children[0].children[0].exe', 'must not be empty');
	});

	test("an unknown node key such as 'names' is reported at the key", () => {
		const node = {names: 'sh', name: 'sh', exe: ['/bin/dash'], id: 'sh_0'};
		expectOnlyProblem(withValue(containerPolicy(), 'spec.processPolicy.0.children.0', node), 'spec.processPolicy[0].children[0].names', /unknown field 'names'.*did you mean 'name'/);
	});
});

describe('process ids', () => {
	test('ids are unique across the whole tree; the later id is reported', () => {
		const duplicateChild = withValue(containerPolicy(), 'spec.processPolicy.0.children.0.id', 'python_0');
		expectOnlyProblem(duplicateChild, 'spec.processPolicy[0].children[0].id', "Duplicate id 'python_0' detected.");
	});

	test('a duplicate in a second root is found too', () => {
		const second = {name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['root']};
		const policy = withValue(containerPolicy(), 'spec.processPolicy.1', second);
		expectOnlyProblem(policy, 'spec.processPolicy[1].id', "Duplicate id 'sh_0' detected.");
		expectValid(withValue(policy, 'spec.processPolicy.1.id', 'sh_1'));
	});

	test('network rules may only name ids the tree has', () => {
		expectValid(withValue(containerPolicy(), 'spec.networkPolicy.egress.0.processes', ['python_0', 'sh_0']));
		const policy = withValue(containerPolicy(), 'spec.networkPolicy.egress.0.processes', ['python_0', 'ghost_0']);
		expectOnlyProblem(policy, 'spec.networkPolicy.egress[0].processes[1]', /No process found with id.*ghost_0/);
	});

	test('processes may be left out (any process)', () => {
		expectValid(withValue(containerPolicy(), 'spec.networkPolicy.ingress.0.processes', undefined));
	});
});

describe('network peers', () => {
	test('a peer needs ipBlock or dnsSelector', () => {
		expectValid(withValue(containerPolicy(), ingressPeer, {dnsSelector: ['example.com']}));
		expectOnlyProblem(withValue(containerPolicy(), ingressPeer, {}), 'spec.networkPolicy.ingress[0].from[0]', /ipBlock or dnsSelector/);
	});

	test('from and to need at least one peer', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.networkPolicy.ingress.0.from', []), 'spec.networkPolicy.ingress[0].from', 'must not be empty');
		expectOnlyProblem(withValue(containerPolicy(), 'spec.networkPolicy.egress.0.to', undefined), 'spec.networkPolicy.egress[0].to', 'is required');
	});

	test.each(['10.0.0.0/8', '192.168.6.11/32', '0.0.0.0/0', '2001:db8::/32', '::/0', '10.1.2.3', '::1', 'fe80::1'])('cidr %s is accepted', cidr => {
		expectValid(withIpBlock({cidr}));
	});

	test.each(['not-an-ip', '10.0.0.0/33', '300.1.1.1/32', '2001:db8::/129', ''])('cidr %j is rejected', cidr => {
		expectOnlyProblem(withIpBlock({cidr}), 'spec.networkPolicy.ingress[0].from[0].ipBlock.cidr', /not a valid IPv4 or IPv6/);
	});

	test('except entries must lie inside cidr', () => {
		expectValid(withIpBlock({cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.3.4']}));
		expectValid(withIpBlock({cidr: '2001:db8::/32', except: ['2001:db8:1::/48']}));
		expectOnlyProblem(withIpBlock({cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '192.168.0.0/16']}), 'spec.networkPolicy.ingress[0].from[0].ipBlock.except[1]', "'192.168.0.0/16' is not a subnet of '10.0.0.0/8'");
		expectOnlyProblem(withIpBlock({cidr: '10.0.0.0/16', except: ['10.0.0.0/8']}), 'spec.networkPolicy.ingress[0].from[0].ipBlock.except[0]', 'is not a subnet of');
	});

	test('except entries must be of the same family', () => {
		expectOnlyProblem(withIpBlock({cidr: '10.0.0.0/8', except: ['2001:db8::/64']}), 'spec.networkPolicy.ingress[0].from[0].ipBlock.except[0]', 'Network types are not the same');
	});

	test('at most 10 except entries', () => {
		const ten = Array.from({length: 10}, (_, index) => `10.${index}.0.0/16`);
		expectValid(withIpBlock({cidr: '10.0.0.0/8', except: ten}));
		expectOnlyProblem(withIpBlock({cidr: '10.0.0.0/8', except: [...ten, '10.10.0.0/16']}), 'spec.networkPolicy.ingress[0].from[0].ipBlock.except', 'at most 10');
	});
});

describe('ports', () => {
	const portPath = 'spec.networkPolicy.ingress[0].ports[0]';

	test('port is a whole number from 0 to 65535', () => {
		expectValid(withIngressPort({protocol: 'TCP', port: 0}));
		expectValid(withIngressPort({protocol: 'TCP', port: 65_535}));
		expectOnlyProblem(withIngressPort({protocol: 'TCP', port: 65_536}), `${portPath}.port`, 'at most 65535');
		expectOnlyProblem(withIngressPort({protocol: 'TCP', port: -1}), `${portPath}.port`, 'at least 0');
		expectOnlyProblem(withIngressPort({protocol: 'TCP', port: 22.5}), `${portPath}.port`, 'whole number');
		expectOnlyProblem(withIngressPort({protocol: 'TCP', port: '22'}), `${portPath}.port`, /whole number|a number/);
	});

	test('protocol is TCP or UDP', () => {
		expectValid(withIngressPort({protocol: 'UDP', port: 53}));
		expectOnlyProblem(withIngressPort({protocol: 'ICMP', port: 1}), `${portPath}.protocol`, /TCP, UDP/);
		expectOnlyProblem(withIngressPort({protocol: 'tcp', port: 1}), `${portPath}.protocol`, /TCP, UDP/);
	});

	test('endPort is at least port', () => {
		expectValid(withIngressPort({protocol: 'TCP', port: 22, endPort: 22}));
		expectValid(withIngressPort({protocol: 'TCP', port: 22, endPort: 30}));
		expectOnlyProblem(withIngressPort({protocol: 'TCP', port: 22, endPort: 21}), `${portPath}.endPort`, 'endPort must be greater than or equal to port');
	});

	test('a rule needs at least one port', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.networkPolicy.ingress.0.ports', []), 'spec.networkPolicy.ingress[0].ports', 'must not be empty');
	});
});

describe('response', () => {
	test('default and actions are both required', () => {
		expectOnlyProblem(withValue(containerPolicy(), 'spec.response.actions', undefined), 'spec.response.actions', 'is required');
		expectOnlyProblem(withValue(containerPolicy(), 'spec.response.default', undefined), 'spec.response.default', 'is required');
	});

	test('an entry with no action lists the actions', () => {
		expectOnlyProblem(withDefaultAction({}), 'spec.response.default[0]', /makeRedFlag.*makeOpsFlag.*agentKillProcess/);
	});

	test('an entry with two actions is rejected', () => {
		expectOnlyProblem(withDefaultAction({makeRedFlag: {severity: 'high'}, agentKillProcess: {}}), 'spec.response.default[0]', 'Detected multiple action definitions');
	});

	test('an unknown action is rejected at its key', () => {
		expectProblem(withDefaultAction({makeYellowFlag: {severity: 'high'}}), 'spec.response.default[0].makeYellowFlag', "unknown field 'makeYellowFlag'");
	});

	test.each(['critical', 'high', 'medium', 'low', 'info'])('severity %s is accepted', severity => {
		expectValid(withDefaultAction({makeRedFlag: {severity}}));
		expectValid(withDefaultAction({makeOpsFlag: {severity}}));
	});

	test('any other severity is rejected', () => {
		expectOnlyProblem(withDefaultAction({makeRedFlag: {severity: 'urgent'}}), 'spec.response.default[0].makeRedFlag.severity', /critical, high, medium, low, info/);
		expectOnlyProblem(withDefaultAction({makeRedFlag: {}}), 'spec.response.default[0].makeRedFlag.severity', /is required|critical, high, medium, low, info/);
	});

	test('makeRedFlag impact is at most 100 characters, content at most 350', () => {
		expectValid(withDefaultAction({makeRedFlag: {severity: 'low', impact: 'i'.repeat(100), content: 'c'.repeat(350), enabled: true}}));
		expectOnlyProblem(withDefaultAction({makeRedFlag: {severity: 'low', impact: 'i'.repeat(101)}}), 'spec.response.default[0].makeRedFlag.impact', 'at most 100');
		expectOnlyProblem(withDefaultAction({makeRedFlag: {severity: 'low', content: 'c'.repeat(351)}}), 'spec.response.default[0].makeRedFlag.content', 'at most 350');
	});

	test('makeOpsFlag needs a severity; description and content at most 350', () => {
		expectValid(withDefaultAction({makeOpsFlag: {severity: 'info', description: 'd'.repeat(350), content: 'c'.repeat(350)}}));
		expectOnlyProblem(withDefaultAction({makeOpsFlag: {description: 'x'}}), 'spec.response.default[0].makeOpsFlag.severity', /is required|critical, high, medium, low, info/);
		expectOnlyProblem(withDefaultAction({makeOpsFlag: {severity: 'info', description: 'd'.repeat(351)}}), 'spec.response.default[0].makeOpsFlag.description', 'at most 350');
	});

	test.each(['agentKillProcess', 'agentKillProcessGroup', 'agentKillProcessTree', 'agentKillPod'])('%s accepts {}, {enabled} and null', action => {
		expectValid(withDefaultAction({[action]: {}}));
		expectValid(withDefaultAction({[action]: {enabled: false}}));
		expectValid(withDefaultAction({[action]: null}));
		expectOnlyProblem(withDefaultAction({[action]: {enabled: 'no'}}), `spec.response.default[0].${action}.enabled`, 'must be true or false');
		expectOnlyProblem(withDefaultAction({[action]: {force: true}}), `spec.response.default[0].${action}.force`, "unknown field 'force'");
	});

	test('agentReniceProcess needs a priority', () => {
		expectValid(withDefaultAction({agentReniceProcess: {priority: '10'}}));
		expectOnlyProblem(withDefaultAction({agentReniceProcess: {enabled: true}}), 'spec.response.default[0].agentReniceProcess.priority', /is required|must be text/);
	});

	test('webhook needs an http(s) urlDestination and a json, yaml or slack template', () => {
		expectValid(withDefaultAction({webhook: {urlDestination: 'https://hooks.example.com/x', template: 'slack'}}));
		expectValid(withDefaultAction({webhook: {urlDestination: 'http://hooks.example.com/x', template: 'json'}}));
		expectOnlyProblem(withDefaultAction({webhook: {urlDestination: 'ftp://example.com/x', template: 'yaml'}}), 'spec.response.default[0].webhook.urlDestination', /http/);
		expectOnlyProblem(withDefaultAction({webhook: {urlDestination: 'not a url', template: 'yaml'}}), 'spec.response.default[0].webhook.urlDestination', /http/);
		expectOnlyProblem(withDefaultAction({webhook: {urlDestination: 'https://example.com', template: 'xml'}}), 'spec.response.default[0].webhook.template', /json, yaml, slack/);
	});
});

/**
 * spyctl nests an action's selectors inside the action body (schemas_v2.py:
 * MakeRedflagModel extends SharedActionFieldsModel extends ActionSelectorsModel),
 * e.g. `actions: [{agentKillPod: {namespaceSelector: {matchLabels: {...}}}}]`.
 */
describe('non-default action selectors', () => {
	test('a selector inside the action body is accepted (spyctl format)', () => {
		expectValid(withAction({agentKillPod: {namespaceSelector: {matchLabels: {'kubernetes.io/metadata.name': 'supply-chain'}}}}));
		expectValid(withAction({makeRedFlag: {severity: 'critical', processSelector: {exe: ['/usr/bin/nc']}}}));
		expectValid(withAction({agentKillProcess: {enabled: true, containerSelector: {image: 'nginx'}, machineSelector: {hostname: 'web-1'}}}));
		expectValid(withAction({makeOpsFlag: {severity: 'info', clusterSelector: {matchFields: {name: 'c1'}}, podSelector: {matchLabels: {app: 'web'}}}}));
	});

	test('an action without a selector is rejected', () => {
		expectOnlyProblem(withAction({agentKillPod: {enabled: true}}), /^spec\.response\.actions\[0\](\.agentKillPod)?$/, 'At least one selector required for non-default actions');
		expectProblem(withAction({agentKillPod: null}), /^spec\.response\.actions\[0\](\.agentKillPod)?$/, /selector/);
	});

	test('a selector inside an action must not be empty', () => {
		expectProblem(withAction({agentKillPod: {podSelector: {}}}), 'spec.response.actions[0].agentKillPod.podSelector', /matchLabels or matchExpressions/);
	});

	test('a selector beside the action key is not spyctl format and is rejected', () => {
		expectProblem(withAction({makeRedFlag: {severity: 'high'}, podSelector: {matchLabels: {app: 'web'}}}), 'spec.response.actions[0].podSelector', "unknown field 'podSelector'");
	});

	test('default actions take no selectors', () => {
		expectOnlyProblem(withDefaultAction({makeRedFlag: {severity: 'high', podSelector: {matchLabels: {app: 'web'}}}}), 'spec.response.default[0].makeRedFlag.podSelector', /unknown field 'podSelector'|selector/);
		expectProblem(withDefaultAction({agentKillPod: {}, podSelector: {matchLabels: {app: 'web'}}}), 'spec.response.default[0].podSelector', /unknown field 'podSelector'|selector/);
	});
});

describe('cluster policies', () => {
	test('take clusterSelector, rulesets and response but no process or network policy', () => {
		expectValid(withValue(clusterPolicy(), 'spec.namespaceSelector', {matchLabels: {env: 'prod'}}));
		expectOnlyProblem(withValue(clusterPolicy(), 'spec.processPolicy', []), 'spec.processPolicy', "unknown field 'processPolicy'");
		expectOnlyProblem(withValue(clusterPolicy(), 'spec.rulesets', 'one-ruleset'), 'spec.rulesets', 'must be a list');
	});

	test('need a response', () => {
		expectOnlyProblem(withValue(clusterPolicy(), 'spec.response', undefined), 'spec.response', 'is required');
	});
});

describe('trace policies', () => {
	test('need at least one selector', () => {
		const bare = withValue(withValue(tracePolicy(), 'spec.traceSelector', undefined), 'spec.userSelector', undefined);
		expectOnlyProblem(bare, 'spec', /at least one selector/);
		expectValid(withValue(withValue(tracePolicy(), 'spec.traceSelector', undefined), 'spec.machineSelector', {hostname: 'web-1'}));
	});

	test('allowedFlags entries are {class}', () => {
		expectValid(withValue(tracePolicy(), 'spec.allowedFlags', []));
		expectProblem(withValue(tracePolicy(), 'spec.allowedFlags', [{klass: 'x'}]), 'spec.allowedFlags[0].class', 'is required');
		expectProblem(withValue(tracePolicy(), 'spec.allowedFlags', [{klass: 'x'}]), 'spec.allowedFlags[0].klass', /unknown field 'klass'.*did you mean 'class'/);
	});

	test('an unknown spec key is rejected', () => {
		expectOnlyProblem(withValue(tracePolicy(), 'spec.processPolicy', []), 'spec.processPolicy', "unknown field 'processPolicy'");
	});
});

describe('SpyderbatBaseline', () => {
	const baseline = () => withValue(withValue(withValue(containerPolicy(), 'kind', 'SpyderbatBaseline'), 'spec.response', undefined), 'spec.mode', undefined);

	test('is a workload spec without response or mode', () => {
		expectValid(baseline());
		expectOnlyProblem(withValue(baseline(), 'spec.response', {default: [], actions: []}), 'spec.response', "unknown field 'response'");
		expectOnlyProblem(withValue(baseline(), 'spec.mode', 'audit'), 'spec.mode', "unknown field 'mode'");
	});

	test('still checks process ids and the required selector', () => {
		expectOnlyProblem(withValue(baseline(), 'spec.processPolicy.0.children.0.id', 'python_0'), 'spec.processPolicy[0].children[0].id', "Duplicate id 'python_0' detected.");
		expectOnlyProblem(withValue(baseline(), 'spec.containerSelector', undefined), 'spec', "Type is 'container' and no 'containerSelector' found in spec");
	});
});

function fingerprint(): JsonObject {
	const value = withValue(withValue(withValue(containerPolicy(), 'kind', 'SpyderbatFingerprint'), 'spec.response', undefined), 'spec.mode', undefined);
	return withValue(value, 'metadata', {name: 'spyderbat-test', type: 'container', muid: 'mach:x', containerID: 'd842', 'pod-uid': 'pod:abc'});
}

describe('SpyderbatFingerprint', () => {
	test('is valid with server metadata', () => {
		expectValid(fingerprint());
	});

	test('rejects unknown spec keys and bad ports', () => {
		expectOnlyProblem(withValue(fingerprint(), 'spec.response', {default: [], actions: []}), 'spec.response', "unknown field 'response'");
		expectOnlyProblem(withValue(fingerprint(), 'spec.networkPolicy.egress.0.ports.0.port', 99_999), 'spec.networkPolicy.egress[0].ports[0].port', 'at most 65535');
	});
});

describe('FingerprintGroup', () => {
	const group = (fingerprints: Json[]): JsonObject => ({
		apiVersion: 'spyderbat/v1',
		kind: 'FingerprintGroup',
		metadata: {image: 'spyderbat-test', imageID: 'sha256:6e2e', firstTimestamp: 1_672_330_210.468_361_9, latestTimestamp: 1_672_339_696.325_250_9},
		data: {fingerprints, machines: ['mach:a'], containerNames: ['/web'], containerIDs: ['d842']},
	});

	test('is valid when its fingerprints are', () => {
		expectValid(group([fingerprint(), fingerprint()]));
	});

	test('validates nested fingerprints with data.fingerprints[i] paths', () => {
		const duplicate = withValue(fingerprint(), 'spec.processPolicy.0.children.0.id', 'python_0');
		expectOnlyProblem(group([fingerprint(), duplicate]), 'data.fingerprints[1].spec.processPolicy[0].children[0].id', "Duplicate id 'python_0' detected.");
		const unknownKey = withValue(fingerprint(), 'spec.bogus', 1);
		expectOnlyProblem(group([unknownKey]), 'data.fingerprints[0].spec.bogus', "unknown field 'bogus'");
		const noSelector = withValue(fingerprint(), 'spec.containerSelector', undefined);
		expectOnlyProblem(group([noSelector]), 'data.fingerprints[0].spec', "Type is 'container' and no 'containerSelector' found in spec");
	});

	test('data.fingerprints is required', () => {
		expectOnlyProblem(withValue(group([]), 'data.fingerprints', undefined), 'data.fingerprints', 'is required');
	});
});

describe('GuardianDeviation', () => {
	const deviation = (processPolicy: Json): JsonObject =>
		yamlObject(`apiVersion: spyderbat/v1
kind: GuardianDeviation
metadata:
  type: container
  policy_uid: pol:C10OpHyPSAHgDxkscdFl
  checksum: c8332ba8ae472eb4c84e2cfbcd9561c8
  uid: dev:KNUJF8M43WcT2o1qgEts:AAYTXGsms5M:0
spec:
  containerSelector: {image: spyderbat-test}
  processPolicy: ${JSON.stringify(processPolicy)}
  networkPolicy:
    egress: [{to: [{dnsSelector: [evil.example]}], ports: [{protocol: TCP, port: 443}]}]
`);

	test('accepts full nodes and {policyNode: {id, children}} entries', () => {
		expectValid(deviation([{name: 'sh', exe: ['/bin/sh'], id: 'sh_9', euser: ['root']}]));
		expectValid(deviation([{policyNode: {id: 'python_0', children: [{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'}]}}]));
	});

	test('checks policyNode entries', () => {
		expectOnlyProblem(deviation([{policyNode: {children: [{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'}]}}]), 'spec.processPolicy[0].policyNode.id', 'is required');
		expectOnlyProblem(deviation([{policyNode: {id: 'python_0', children: [{name: 'curl', exe: [], id: 'curl_0'}]}}]), 'spec.processPolicy[0].policyNode.children[0].exe', 'must not be empty');
	});

	test('checks full nodes', () => {
		expectOnlyProblem(deviation([{name: 'sh', exe: ['/bin/sh'], id: 'sh_9', euser: 'root'}]), 'spec.processPolicy[0].euser', 'must be a list');
	});

	test('metadata.type is a workload or cluster type', () => {
		expectOnlyProblem(withValue(deviation([]), 'metadata.type', 'trace'), 'metadata.type', /container.*linux-service.*cluster/);
	});
});

describe('SpyderbatRuleset', () => {
	const ruleset = (): JsonObject =>
		yamlObject(`apiVersion: spyderbat/v1
kind: SpyderbatRuleset
metadata:
  name: integrationcluster3_ruleset
  type: cluster
  uid: rs:abc
  version: 1
spec:
  rules:
  - target: container::image
    verb: allow
    values: [docker.io/library/nginx:latest]
    namespaceSelector:
      matchLabels: {kubernetes.io/metadata.name: prod}
  - target: process::exe
    verb: deny
    values: [/usr/bin/nc]
    processSelector: {name: [nc]}
`);

	test('is valid', () => {
		expectValid(ruleset());
		expectValid(withValue(ruleset(), 'metadata.type', 'container'));
	});

	test('name has no spaces', () => {
		expectOnlyProblem(withValue(ruleset(), 'metadata.name', 'my ruleset'), 'metadata.name', /spaces/);
	});

	test('name is shorter than 64 characters', () => {
		expectValid(withValue(ruleset(), 'metadata.name', 'r'.repeat(63)));
		expectOnlyProblem(withValue(ruleset(), 'metadata.name', 'r'.repeat(65)), 'metadata.name', /at most|64/);
	});

	test('type is cluster or container', () => {
		expectOnlyProblem(withValue(ruleset(), 'metadata.type', 'linux-service'), 'metadata.type', /cluster.*container|container.*cluster/);
	});

	test('target is one of the container:: and process:: fields', () => {
		for (const target of ['container::imageID', 'container::containerName', 'container::containerID', 'process::name', 'process::euser']) {
			expectValid(withValue(ruleset(), 'spec.rules.0.target', target));
		}
		expectOnlyProblem(withValue(ruleset(), 'spec.rules.0.target', 'container::tag'), 'spec.rules[0].target', /container::image/);
	});

	test('verb is allow or deny', () => {
		expectOnlyProblem(withValue(ruleset(), 'spec.rules.1.verb', 'block'), 'spec.rules[1].verb', /allow, deny/);
	});

	test('a processSelector needs at least one field', () => {
		expectOnlyProblem(withValue(ruleset(), 'spec.rules.1.processSelector', {}), 'spec.rules[1].processSelector', /at least one field/);
		expectOnlyProblem(withValue(ruleset(), 'spec.rules.1.processSelector', {name: []}), 'spec.rules[1].processSelector.name', 'must not be empty');
		expectProblem(withValue(ruleset(), 'spec.rules.1.processSelector', {cmdline: ['x']}), 'spec.rules[1].processSelector.cmdline', "unknown field 'cmdline'");
	});
});

describe('UidList', () => {
	const uidList = (): JsonObject => ({
		apiVersion: 'spyderbat/v1',
		kind: 'UidList',
		metadata: {startTime: 1_700_000_000, endTime: 1_700_003_600},
		data: {uniqueIdentifiers: ['dev:a', 'dev:b']},
	});

	test('is valid', () => {
		expectValid(uidList());
	});

	test('needs startTime, endTime and a list of identifiers', () => {
		expectOnlyProblem(withValue(uidList(), 'metadata.endTime', undefined), 'metadata.endTime', /is required|must be a number or text/);
		expectOnlyProblem(withValue(uidList(), 'data.uniqueIdentifiers', 'dev:a'), 'data.uniqueIdentifiers', 'must be a list');
	});
});

describe('several mistakes', () => {
	test('a policy with three mistakes yields three problems at once', () => {
		let policy = withValue(containerPolicy(), 'spec.mode', 'monitor');
		policy = withValue(policy, 'spec.response.default.0.makeRedFlag.severity', 'urgent');
		policy = withValue(policy, 'spec.networkPolicy.egress.0.ports.0.port', 70_000);
		expect(problemsOf(policy).map(problem => problem.path)).toEqual(
			expect.arrayContaining(['spec.mode', 'spec.response.default[0].makeRedFlag.severity', 'spec.networkPolicy.egress[0].ports[0].port']),
		);
		expect(problemsOf(policy)).toHaveLength(3);
	});

	test('schema and cross-field problems are reported together', () => {
		let policy = withValue(containerPolicy(), 'spec.containerSelector', undefined);
		policy = withValue(policy, 'spec.processPolicy.0.children.0.id', 'python_0');
		policy = withValue(policy, 'spec.unknownKey', true);
		expect(problemsOf(policy).map(problem => problem.path).sort()).toEqual(['spec', 'spec.processPolicy[0].children[0].id', 'spec.unknownKey']);
	});
});
