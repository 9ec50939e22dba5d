import {describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import type {DeviationRecord} from '../../source/api/search-records.js';
import {deviationCountText, relevanceCheck, uniqueByChecksum} from '../../source/operations/deviations.js';

const uid = 'pol:AAAAAAAAAAAAAAAAAAAA';

/** A stored policy whose tree and rules are not in merge's canonical order (children z before a). */
const policy: PolicyDocument = {
	apiVersion: 'spyderbat/v1',
	kind: 'SpyderbatPolicy',
	metadata: {name: 'web', type: 'container', uid},
	spec: {
		containerSelector: {image: 'web:*'},
		mode: 'audit',
		processPolicy: [
			{
				name: 'nginx',
				exe: ['/usr/sbin/nginx'],
				id: 'nginx_0',
				euser: ['root'],
				children: [
					{name: 'zsh', exe: ['/bin/zsh'], id: 'zsh_0'},
					{name: 'ash', exe: ['/bin/ash'], id: 'ash_0'},
				],
			},
		],
		networkPolicy: {ingress: [], egress: [{to: [{dnsSelector: ['b.example', 'a.example']}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_0']}]},
		response: {default: [], actions: []},
	},
};

function record(checksum: string, spec: Record<string, unknown>, id = `dev:${checksum}`): DeviationRecord {
	return {id, time: 1, checksum, policy_uid: uid, deviation: {apiVersion: 'spyderbat/v1', kind: 'GuardianDeviation', metadata: {type: 'container', policy_uid: uid}, spec}};
}

describe('relevanceCheck', () => {
	const relevant = relevanceCheck(policy);

	test('a deviation the policy already allows is irrelevant, even when the policy is stored in another order', () => {
		expect(relevant(record('same-child', {processPolicy: [{policyNode: {id: 'nginx_0', children: [{name: 'ash', exe: ['/bin/ash'], id: 'ash_9'}]}}]}))).toBe(false);
		expect(relevant(record('same-egress', {networkPolicy: {ingress: [], egress: [{to: [{dnsSelector: ['a.example']}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_0']}]}}))).toBe(false);
	});

	test('a deviation that would add to the policy is relevant', () => {
		expect(relevant(record('new-child', {processPolicy: [{policyNode: {id: 'nginx_0', children: [{name: 'curl', exe: ['/usr/bin/curl'], id: 'curl_0'}]}}]}))).toBe(true);
		expect(relevant(record('new-egress', {networkPolicy: {ingress: [], egress: [{to: [{dnsSelector: ['c.example']}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_0']}]}}))).toBe(true);
	});

	test('a deviation of another policy, or under a node the policy lacks, cannot change it', () => {
		const elsewhere = record('elsewhere', {processPolicy: [{name: 'perl', exe: ['/usr/bin/perl'], id: 'perl_0'}]});
		elsewhere.deviation = {...elsewhere.deviation, metadata: {type: 'container', policy_uid: 'pol:BBBBBBBBBBBBBBBBBBBB'}};
		expect(relevant(elsewhere)).toBe(false);
		expect(relevant(record('orphan', {processPolicy: [{policyNode: {id: 'gone_0', children: [{name: 'sh', exe: ['/bin/sh'], id: 'sh_0'}]}}]}))).toBe(false);
	});

	test('policies merge cannot take (trace, cluster) count every deviation', () => {
		const trace = {...policy, metadata: {...policy.metadata, type: 'trace'}, spec: {traceSelector: {matchFields: {}}}};
		expect(relevanceCheck(trace)(record('any', {}))).toBe(true);
	});
});

describe('counting', () => {
	const records = [record('a', {}, 'dev:1'), record('b', {}, 'dev:2'), record('a', {}, 'dev:3')];

	test('unique keeps the first record of each checksum', () => {
		expect(uniqueByChecksum(records).map(r => r.id)).toEqual(['dev:1', 'dev:2']);
	});

	test("DEVIATIONS_(UNIQ/TOT) is distinct checksums over records, 0/0 when there are none", () => {
		expect(deviationCountText(records)).toBe('2/3');
		expect(deviationCountText([])).toBe('0/0');
		expect(deviationCountText(undefined)).toBe('0/0');
	});
});
