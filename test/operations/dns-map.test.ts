import {describe, expect, test} from 'vitest';
import {lookupTargets} from '../../source/operations/describe.js';
import {dnsMap, type Resolver} from '../../source/operations/dns-map.js';

/** A resolver with a fixed table; `slow.example` never answers, as a dead DNS server would not. */
const resolver: Resolver = {
	hostnameOf: async ip => {
		if (ip === '10.0.0.5') return 'db.internal';
		if (ip === '10.0.0.6') return 'db.internal';
		if (ip === '10.0.0.7') return '10.0.0.7';
		throw new Error('ENOTFOUND');
	},
	addressOf: async hostname => {
		if (hostname === 'db.internal') return '10.0.0.5';
		if (hostname === 'slow.example') return new Promise<string>(() => undefined);
		throw new Error('ENOTFOUND');
	},
};

describe('dnsMap', () => {
	test("maps names to addresses both ways, and lists what did not resolve, in spyctl's layout", async () => {
		const map = await dnsMap({ips: ['10.0.0.5', '10.0.0.6', '10.0.0.7', '203.0.113.9'], hostnames: ['db.internal', 'nowhere.example', 'slow.example']}, {resolver, timeoutMs: 20});
		expect(map).toEqual({
			'db.internal': ['10.0.0.5', '10.0.0.6'],
			// getnameinfo answers with the address itself when it has no name: that is unknown too.
			'unknown ips': ['10.0.0.7', '203.0.113.9'],
			'unknown hostnames': ['nowhere.example', 'slow.example'],
		});
	});

	test('nothing to look up is an empty map, not a failure', async () => {
		expect(await dnsMap({ips: [], hostnames: []}, {resolver, timeoutMs: 20})).toEqual({'unknown ips': [], 'unknown hostnames': []});
	});
});

describe('lookupTargets', () => {
	test('takes single addresses (/32, /128) and DNS names from both directions; wider blocks name no host', () => {
		const policy = {
			spec: {
				networkPolicy: {
					ingress: [{from: [{ipBlock: {cidr: '10.0.0.5/32'}}, {ipBlock: {cidr: '10.0.0.0/8'}}, {ipBlock: {cidr: '2001:db8::1/128'}}], ports: []}],
					egress: [{to: [{dnsSelector: ['b.example', 'a.example']}, {ipBlock: {cidr: '2001:db8::/32'}}], ports: []}],
				},
			},
		};
		expect(lookupTargets(policy)).toEqual({ips: ['10.0.0.5', '2001:db8::1'], hostnames: ['a.example', 'b.example']});
	});
});
