import ipaddr from 'ipaddr.js';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {intendedNetwork, isSubnetOf, parseNetwork} from '../../source/policy/cidr.js';

describe('reading a network as spyctl does', () => {
	test('reads CIDRs and bare addresses of both families', () => {
		expect(parseNetwork('10.0.0.0/8')).toMatchObject({prefix: 8, family: 'ipv4'});
		expect(parseNetwork('10.1.2.3')).toMatchObject({prefix: 32, family: 'ipv4'});
		expect(parseNetwork('2001:db8::/32')).toMatchObject({prefix: 32, family: 'ipv6'});
		expect(parseNetwork('::ffff:10.0.0.1')).toMatchObject({prefix: 128, family: 'ipv6'});
		expect(parseNetwork('fe80::1')).toMatchObject({prefix: 128, family: 'ipv6'});
	});

	test('refuses what is not a network', () => {
		for (const text of ['', '10.0.0.0/33', '2001:db8::/129', 'db.local', '10.0.0.0/', '/8', '10.0.0.0/8/8', '1:2']) expect(parseNetwork(text), text).toBeUndefined();
	});

	test("agrees with ipaddr.js's own parse, which tries both families, on any text", () => {
		const octet = fc.nat(300).map(String);
		const ipv4 = fc.tuple(octet, octet, octet, octet).map(parts => parts.join('.'));
		const ipv6 = fc.ipV6();
		const text = fc.oneof(fc.tuple(fc.oneof(ipv4, ipv6, fc.string()), fc.option(fc.nat(140))).map(([address, prefix]) => (prefix === null ? address : `${address}/${prefix}`)), fc.string());
		fc.assert(
			fc.property(text, value => {
				let expected: string | undefined;
				try {
					expected = value.includes('/') ? ipaddr.parseCIDR(value).toString() : ipaddr.parse(value).toString();
				} catch {
					expected = undefined;
				}
				const network = parseNetwork(value);
				expect(network && (value.includes('/') ? `${network.address.toString()}/${network.prefix}` : network.address.toString())).toBe(expected);
			}),
		);
	});

	test('says which network a host address with a prefix meant, and whether one network holds another', () => {
		expect(intendedNetwork(parseNetwork('10.0.0.1/8')!)).toBe('10.0.0.0/8');
		expect(intendedNetwork(parseNetwork('10.0.0.0/8')!)).toBeUndefined();
		expect(isSubnetOf(parseNetwork('10.1.0.0/16')!, parseNetwork('10.0.0.0/8')!)).toBe(true);
		expect(isSubnetOf(parseNetwork('10.0.0.0/8')!, parseNetwork('10.1.0.0/16')!)).toBe(false);
	});
});
