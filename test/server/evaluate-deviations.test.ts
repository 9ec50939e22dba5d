import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {diffPolicies} from '../../source/policy/diff/policy-diff.js';
import {mergeObjects} from '../../source/policy/merge/merge-objects.js';
import type {ProcessNode} from '../../source/policy/merge/types.js';
import {validateObject} from '../../source/policy/validate.js';
import {type Activity, activityOf} from '../../source/server/evaluate/activity.js';
import {deviationChecksum} from '../../source/server/evaluate/deviation-record.js';
import {describeFinding} from '../../source/server/evaluate/describe.js';
import {type Finding, findDeviations} from '../../source/server/evaluate/find-deviations.js';
import {type PreparedPolicy, preparePolicy} from '../../source/server/evaluate/policy-catalog.js';
import type {PolicyRecord} from '../../source/server/policy-record.js';
import {workload} from '../policy/merge/arbitraries.js';

const python = (children: ProcessNode[] = []): ProcessNode => ({name: 'python', exe: ['/usr/local/bin/python3.7'], id: 'python_0', euser: ['root'], ...(children.length > 0 ? {children} : {})});
const dash: ProcessNode = {name: 'sh', exe: ['/bin/dash'], id: 'sh_0'};
const mongoEgress = {to: [{dnsSelector: ['mongodb.local']}], processes: ['python_0'], ports: [{protocol: 'TCP', port: 27017}]};

function policyOf(spec: Record<string, unknown>, version = 1): PreparedPolicy {
	const document = {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatPolicy',
		metadata: {name: 'demo', type: 'container', uid: 'pol:demo'},
		spec: {containerSelector: {image: 'demo'}, mode: 'audit', processPolicy: [python([dash])], networkPolicy: {ingress: [], egress: [mongoEgress]}, response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []}, ...spec},
	};
	return preparePolicy({uid: 'pol:demo', name: 'demo', type: 'container', version, policy: document as PolicyRecord['policy']});
}

const activity = (processPolicy: ProcessNode[], egress: unknown[] = [], ingress: unknown[] = []): Activity => activityOf({processPolicy, networkPolicy: {ingress, egress}});

/** Each finding as the GuardianDeviation the server stores. */
function deviationsOf(policy: PreparedPolicy, findings: Finding[]) {
	return findings.map(finding => ({
		apiVersion: 'spyderbat/v1',
		kind: 'GuardianDeviation',
		metadata: {type: policy.type, policy_uid: policy.uid, checksum: deviationChecksum(finding.spec), uid: 'dev:test'},
		spec: finding.spec,
	}));
}

describe('deviations are what merging the activity into the policy adds', () => {
	const policy = policyOf({});

	test('activity inside the policy deviates from nothing, also a part of it and the policy itself', () => {
		expect(findDeviations(policy, activity([python([dash])], [mongoEgress]))).toEqual([]);
		expect(findDeviations(policy, activity([python()]))).toEqual([]);
		expect(findDeviations(policy, activity([]))).toEqual([]);
	});

	test('the merge tidying an untidy policy (unsorted exes, children out of order) is not a deviation', () => {
		const untidy = policyOf({processPolicy: [{...python([{name: 'zsh', exe: ['/bin/zsh'], id: 'zsh_0'}, dash]), exe: ['/usr/local/bin/python3.7', '/usr/bin/python3']}]});
		expect(findDeviations(untidy, activity([python([dash])]))).toEqual([]);
	});

	test('a new child is a policyNode entry under its parent, with its whole subtree', () => {
		const curl: ProcessNode = {name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'};
		const [finding, ...rest] = findDeviations(policy, activity([python([dash, {name: 'bash', exe: ['/usr/bin/bash'], id: 'bash_0', children: [curl]}])]));
		expect(rest).toEqual([]);
		expect(finding!.spec).toEqual({processPolicy: [{policyNode: {id: 'python_0', children: [{name: 'bash', exe: ['/usr/bin/bash'], id: 'bash_0', children: [curl]}]}}]});
		expect(finding!.processes.map(process => [process.id, process.euser])).toEqual([
			['bash_0', ['root']],
			['curl_0', ['root']],
		]);
		expect(describeFinding(finding!, 'demo').description).toBe('Process "bash" using executable "/usr/bin/bash" deviated from policy "demo".');
	});

	test('a new root is a full node; its id is made unique against the policy', () => {
		const [finding] = findDeviations(policy, activity([{name: 'python', exe: ['/usr/bin/perl'], id: 'python_0', euser: ['root']}]));
		expect(finding!.spec).toEqual({processPolicy: [{name: 'python', exe: ['/usr/bin/perl'], id: 'python_1', euser: ['root']}]});
	});

	test('a known process with a new user or exe widens its node: the node alone, under its parent', () => {
		const [user] = findDeviations(policy, activity([{...python(), euser: ['www']}]));
		expect(user!.spec).toEqual({processPolicy: [{name: 'python', exe: ['/usr/local/bin/python3.7'], id: 'python_0', euser: ['root', 'www']}]});
		const [exe] = findDeviations(policy, activity([python([{...dash, exe: ['/usr/bin/dash']}])]));
		expect(exe!.spec).toEqual({processPolicy: [{policyNode: {id: 'python_0', children: [{name: 'sh', exe: ['/bin/dash', '/usr/bin/dash'], id: 'sh_0'}]}}]});
		expect(describeFinding(exe!, 'demo').description).toBe('Process "sh" using executable "/usr/bin/dash" deviated from policy "demo".');
	});

	test('a new connection of a known process is a deviation of its own, one per peer and port', () => {
		const findings = findDeviations(policy, activity([python()], [{to: [{dnsSelector: ['mongodb.local', 'evil.example.com']}, {ipBlock: {cidr: '203.0.113.9/32'}}], processes: ['python_0'], ports: [{protocol: 'TCP', port: 27017}]}]));
		expect(findings.map(finding => finding.spec)).toEqual([
			{networkPolicy: {egress: [{to: [{dnsSelector: ['evil.example.com']}], ports: [{protocol: 'TCP', port: 27017}], processes: ['python_0']}]}},
			{networkPolicy: {egress: [{to: [{ipBlock: {cidr: '203.0.113.9/32'}}], ports: [{protocol: 'TCP', port: 27017}], processes: ['python_0']}]}},
		]);
		expect(findings[0]!.processes.map(process => process.id)).toEqual(['python_0']);
		expect(describeFinding(findings[0]!, 'demo').description).toBe('Egress connection from process "python" to "evil.example.com" on TCP port 27017 deviated from policy "demo".');
		const [inbound] = findDeviations(policy, activity([python()], [], [{from: [{ipBlock: {cidr: '10.0.0.0/8'}}], processes: ['python_0'], ports: [{protocol: 'TCP', port: 8000, endPort: 8010}]}]));
		expect(describeFinding(inbound!, 'demo').description).toBe('Ingress connection to process "python" from "10.0.0.0/8" on TCP ports 8000-8010 deviated from policy "demo".');
	});

	test("a new process's connections belong to its deviation, so that merging it alone names no missing process", () => {
		const curl: ProcessNode = {name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'};
		const findings = findDeviations(policy, activity([python([dash, curl])], [{to: [{ipBlock: {cidr: '198.51.100.1/32'}}], processes: ['curl_0'], ports: [{protocol: 'TCP', port: 443}]}]));
		expect(findings).toHaveLength(1);
		expect(findings[0]!.spec).toEqual({
			processPolicy: [{policyNode: {id: 'python_0', children: [curl]}}],
			networkPolicy: {egress: [{to: [{ipBlock: {cidr: '198.51.100.1/32'}}], ports: [{protocol: 'TCP', port: 443}], processes: ['curl_0']}]},
		});
	});

	test("the policy's disable switches hold: switched-off processes and connections never deviate", () => {
		const noProcesses = policyOf({disableProcesses: 'all'});
		expect(findDeviations(noProcesses, activity([python([{name: 'nc', exe: ['/bin/nc'], id: 'nc_0'}])]))).toEqual([]);
		const [connection] = findDeviations(noProcesses, activity([python([{name: 'nc', exe: ['/bin/nc'], id: 'nc_0'}])], [{to: [{dnsSelector: ['c2.example.net']}], processes: ['nc_0'], ports: [{protocol: 'TCP', port: 4444}]}]));
		// The policy tracks no processes, so the connection's rule names none.
		expect(connection!.spec).toEqual({networkPolicy: {egress: [{to: [{dnsSelector: ['c2.example.net']}], ports: [{protocol: 'TCP', port: 4444}]}]}});
		const noEgress = policyOf({disableConnections: 'egress'});
		expect(findDeviations(noEgress, activity([python()], [{to: [{dnsSelector: ['evil.example.com']}], processes: ['python_0'], ports: [{protocol: 'TCP', port: 443}]}]))).toEqual([]);
	});

	test('the checksum ignores key order, and differs for different activity', () => {
		const node = {name: 'nc', exe: ['/bin/nc'], id: 'nc_0'};
		const reordered = {id: 'nc_0', exe: ['/bin/nc'], name: 'nc'};
		const [one] = findDeviations(policy, activity([python([node])]));
		const [two] = findDeviations(policy, activity([python([reordered as ProcessNode])]));
		const [other] = findDeviations(policy, activity([python([{...node, exe: ['/bin/ncat']}])]));
		expect(deviationChecksum(one!.spec)).toBe(deviationChecksum(two!.spec));
		expect(deviationChecksum(one!.spec)).not.toBe(deviationChecksum(other!.spec));
	});

	test('every deviation is a valid GuardianDeviation', () => {
		const findings = findDeviations(
			policy,
			activity([{...python([{name: 'nc', exe: ['/bin/nc'], id: 'nc_0'}]), euser: ['www']}, {name: 'perl', exe: ['/usr/bin/perl'], id: 'perl_0', euser: ['root']}], [{to: [{dnsSelector: ['x.example.com']}], processes: ['python_0'], ports: [{protocol: 'UDP', port: 53}]}]),
		);
		expect(findings).toHaveLength(4);
		for (const deviation of deviationsOf(policy, findings)) expect(validateObject(deviation)).toEqual([]);
	});
});

describe('merging the deviations back is merging the activity', () => {
	const merge = (target: Record<string, unknown>, other: Record<string, unknown> | Record<string, unknown>[]) => mergeObjects(target, other, 'asymmetric').merged;
	const activitySpec = (object: Record<string, unknown>) => activityOf(object['spec'] as Record<string, unknown>);

	// The merge engine is not idempotent for every input (identical siblings inside a new subtree map to
	// one node the second time), and such activity still "adds" something; those cases are left out.
	test('once its deviations are merged into the policy, the same activity deviates no more (property)', () => {
		fc.assert(
			fc.property(workload(), workload('SpyderbatBaseline'), (policyDocument, observed) => {
				const fingerprint = {...observed, kind: 'SpyderbatFingerprint'};
				const once = merge(policyDocument, fingerprint);
				fc.pre(diffPolicies(activitySpec(once), activitySpec(merge(once, fingerprint))).changes.length === 0);

				const policy = preparePolicy({uid: 'pol:property-test', name: 'app', type: 'container', version: 1, policy: policyDocument as PolicyRecord['policy']});
				const seen = activitySpec(observed);
				const findings = findDeviations(policy, seen);
				const merged = mergeObjects(policyDocument, deviationsOf(policy, findings), 'asymmetric');
				expect(merged.skipped).toEqual([]);
				const grown = preparePolicy({uid: 'pol:property-test', name: 'app', type: 'container', version: 2, policy: merged.merged as PolicyRecord['policy']});
				expect(findDeviations(grown, seen).map(finding => finding.spec)).toEqual([]);
			}),
			{numRuns: 150},
		);
	}, 60_000);
});
