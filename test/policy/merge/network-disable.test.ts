import {describe, expect, test} from 'vitest';
import {applyDisableFlags} from '../../../source/policy/merge/network.js';
import type {NetworkPolicy} from '../../../source/policy/merge/types.js';

const port = [{protocol: 'TCP' as const, port: 443}];

/** One ingress and one egress rule, each with a private and a public block and name. */
function network(): NetworkPolicy {
	const peers = [{ipBlock: {cidr: '10.0.0.0/8'}}, {ipBlock: {cidr: '8.8.8.8/32'}}, {dnsSelector: ['db.svc.cluster.local', 'api.example.com']}];
	return {
		ingress: [{from: peers, processes: ['p'], ports: port}],
		egress: [{to: peers, processes: ['p'], ports: port}],
	};
}

const privatePeers = [{ipBlock: {cidr: '10.0.0.0/8'}}, {dnsSelector: ['db.svc.cluster.local']}];
const publicPeers = [{ipBlock: {cidr: '8.8.8.8/32'}}, {dnsSelector: ['api.example.com']}];

describe('applyDisableFlags', () => {
	test('no flags: the policy is unchanged', () => {
		expect(applyDisableFlags(network(), {})).toEqual(network());
	});

	test.each(['all', 'ingress', 'egress'] as const)('disableConnections: %s empties that direction', direction => {
		const result = applyDisableFlags(network(), {disableConnections: direction});
		expect(result.ingress).toEqual(direction === 'egress' ? network().ingress : []);
		expect(result.egress).toEqual(direction === 'ingress' ? network().egress : []);
	});

	test('disablePrivateConnections: all drops private blocks and .local names in both directions', () => {
		const result = applyDisableFlags(network(), {disablePrivateConnections: 'all'});
		expect(result.ingress[0]!.from).toEqual(publicPeers);
		expect(result.egress[0]!.to).toEqual(publicPeers);
	});

	test('disablePublicConnections: egress keeps only the private egress peers', () => {
		const result = applyDisableFlags(network(), {disablePublicConnections: 'egress'});
		expect(result.ingress).toEqual(network().ingress);
		expect(result.egress[0]!.to).toEqual(privatePeers);
	});

	test('100.64.0.0/10 is public, as in Python; a rule left without peers is dropped', () => {
		const shared: NetworkPolicy = {ingress: [{from: [{ipBlock: {cidr: '100.64.0.0/10'}}], ports: port}], egress: []};
		expect(applyDisableFlags(shared, {disablePublicConnections: 'ingress'}).ingress).toEqual([]);
		expect(applyDisableFlags(shared, {disablePrivateConnections: 'ingress'})).toEqual(shared);
	});

	test('disableProcesses: all drops the process references', () => {
		const result = applyDisableFlags(network(), {disableProcesses: 'all'});
		expect(result.egress[0]).not.toHaveProperty('processes');
		expect(result.ingress[0]).toEqual({from: network().ingress[0]!.from, ports: port});
	});

	test('a peer spyctl cannot read (ipBlock and dnsSelector together) is kept', () => {
		const anded = {ipBlock: {cidr: '10.0.0.0/8'}, dnsSelector: ['db.local']};
		const policy: NetworkPolicy = {ingress: [], egress: [{to: [anded], ports: port}]};
		expect(applyDisableFlags(policy, {disablePrivateConnections: 'all'})).toEqual(policy);
	});
});
