import {describe, expect, test} from 'vitest';
import {toNet} from '../../../source/policy/merge/network-address.js';
import {isPrivateDnsName, isPrivateNet} from '../../../source/policy/merge/network-private.js';

/** `ipaddress.ip_network(n).is_private` as printed by CPython 3.13.0. */
const python313 = {
	'10.0.0.0/8': true,
	'10.1.2.3/32': true,
	'172.16.0.0/12': true,
	'172.32.0.0/16': false,
	'192.168.6.11/32': true,
	'127.0.0.1/32': true,
	'169.254.1.0/24': true,
	'100.64.0.0/10': false,
	'100.64.1.1/32': false,
	'8.8.8.8/32': false,
	'0.0.0.0/0': false,
	'0.0.0.0/8': true,
	'192.0.0.9/32': false,
	'192.0.0.8/29': true,
	'192.0.0.0/24': true,
	'198.18.0.0/15': true,
	'203.0.113.5/32': true,
	'240.0.0.0/4': true,
	'255.255.255.255/32': true,
	'11.0.0.0/8': false,
	'::1/128': true,
	'::/0': false,
	'fe80::/10': true,
	'fc00::/7': true,
	'fd12:3456::/32': true,
	'2001:db8::/32': true,
	'2001:4860:4860::8888/128': false,
	'2001:3::/32': false,
	'2001::/23': true,
	'2001:1::1/128': false,
	'2002::/16': true,
	'::ffff:8.8.8.8/128': true,
	'64:ff9b:1::/48': true,
	'64:ff9b::/96': false,
};

describe('isPrivateNet follows Python 3.13 ipaddress.is_private', () => {
	test.each(Object.entries(python313))('%s → %s', (cidr, expected) => {
		expect(isPrivateNet(toNet(cidr)!)).toBe(expected);
	});
});

describe('isPrivateDnsName is spyctl is_private_dns (names ending in .local)', () => {
	test.each([
		['mongodb.local', true],
		['x.svc.cluster.local', true],
		['*.local', true],
		['local', false],
		['api.internal', false],
		['example.com', false],
		['MONGODB.LOCAL', false],
	])('%s → %s', (name, expected) => {
		expect(isPrivateDnsName(name)).toBe(expected);
	});
});
