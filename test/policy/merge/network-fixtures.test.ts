import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse} from 'yaml';
import {mergeNetworkPolicy, normaliseNetworkPolicy, processesAlikeIn} from '../../../source/policy/merge/network.js';
import type {NetworkPolicy, ProcessIdMap, ProcessNode} from '../../../source/policy/merge/types.js';

/** spyctl's test resources, kept beside the repo; a fresh clone has none and the suite says so. */
const resources = path.resolve(import.meta.dirname, '../../../../shared/fixtures/spyctl/test_resources');
const exists = fs.existsSync(resources);

type Spec = {processPolicy: ProcessNode[]; networkPolicy: NetworkPolicy};

function specOf(file: string): Spec {
	return (parse(fs.readFileSync(path.join(resources, file), 'utf8')) as {spec: Spec}).spec;
}

function fingerprints(): Spec[] {
	return (parse(fs.readFileSync(path.join(resources, 'test_fprint_group.yaml'), 'utf8')) as {data: {fingerprints: Array<{spec: Spec}>}}).data.fingerprints.map(
		fingerprint => fingerprint.spec,
	);
}

function idMap(other: Record<string, string>): ProcessIdMap {
	return {base: id => id, other: id => other[id] ?? id};
}

/** The peers of a rule as plain strings, to compare by structure. */
function peerNames(peers: NetworkPolicy['egress'][number]['to']): string[] {
	return peers.map(peer => peer.ipBlock?.cidr ?? peer.dnsSelector!.join(','));
}

describe(exists ? `network merge on spyctl fixtures in ${resources}` : '../shared/fixtures not found: network fixture tests skipped', () => {
	test.skipIf(!exists)('merging test_baseline_extra into test_baseline adds no rule: every extra connection is already allowed', () => {
		const base = specOf('test_baseline.yaml');
		const extra = specOf('test_baseline_extra.yaml');
		// Where the process merge puts extra's ids: its python_0 and python_1 are the baseline's.
		const merged = mergeNetworkPolicy(base.networkPolicy, extra.networkPolicy, 'asymmetric', idMap({python_0: 'python_0', python_1: 'python_1'}));

		expect(merged.ingress).toHaveLength(1);
		expect(peerNames(merged.ingress[0]!.from)).toEqual(['192.168.6.11/32']);
		expect(merged.ingress[0]!.processes).toEqual(['python_0', 'python_1']);
		expect(merged.ingress[0]!.ports).toEqual([{protocol: 'TCP', port: 22}]);

		expect(merged.egress.map(rule => peerNames(rule.to))).toEqual([['mongodb.local'], ['192.168.5.10/32', '192.168.5.11/32', '192.168.5.12/32', '192.168.5.13/32']]);
		expect(merged.egress.map(rule => rule.processes)).toEqual([
			['python_0', 'python_1'],
			['python_0', 'python_1'],
		]);
		expect(merged.egress.map(rule => rule.ports)).toEqual([[{protocol: 'TCP', port: 27017}], [{protocol: 'TCP', port: 443}]]);
		expect(merged).toEqual(base.networkPolicy);
	});

	test.skipIf(!exists)('the extra baseline alone: its rules for the two alike python processes combine into one per peer', () => {
		const extra = specOf('test_baseline_extra.yaml');
		const normalised = normaliseNetworkPolicy(extra.networkPolicy, processesAlikeIn(extra.processPolicy));
		expect(normalised).toEqual(specOf('test_baseline.yaml').networkPolicy);
	});

	test.skipIf(!exists)('the fingerprint group merged symmetrically gives the network of test_policy.yaml', () => {
		const [first, second] = fingerprints();
		const policy = specOf('test_policy.yaml');
		// The second fingerprint's python is a new root in the merged tree, renumbered python_1.
		const merged = mergeNetworkPolicy(first!.networkPolicy, second!.networkPolicy, 'symmetric', idMap({python_0: 'python_1'}), processesAlikeIn(policy.processPolicy));
		expect(merged).toEqual(policy.networkPolicy);
	});

	test.skipIf(!exists)('without the process comparison the two pythons keep separate rules', () => {
		const [first, second] = fingerprints();
		const merged = mergeNetworkPolicy(first!.networkPolicy, second!.networkPolicy, 'symmetric', idMap({python_0: 'python_1'}));
		expect(merged.ingress.map(rule => rule.processes)).toEqual([['python_0'], ['python_1']]);
	});

	test.skipIf(!exists)('spyctl-written network policies are already in normal form', () => {
		for (const file of ['test_baseline.yaml', 'test_policy.yaml']) {
			const spec = specOf(file);
			expect(normaliseNetworkPolicy(spec.networkPolicy, processesAlikeIn(spec.processPolicy)), file).toEqual(spec.networkPolicy);
		}
		for (const spec of fingerprints()) expect(normaliseNetworkPolicy(spec.networkPolicy)).toEqual(spec.networkPolicy);
	});
});
