import {addressInNet, lastAddress, type Net, toNet} from './network-address.js';

/**
 * The IANA special-purpose ranges Python's `ipaddress` (3.13) calls private.
 * spyctl's disablePrivateConnections / disablePublicConnections use
 * `ip_network(cidr).is_private`, so these tables are Python's, not RFC 1918's:
 * 100.64.0.0/10 (shared address space) is *not* private, while documentation
 * and benchmarking ranges are.
 */
const privateRanges = {
	ipv4: [
		'0.0.0.0/8',
		'10.0.0.0/8',
		'127.0.0.0/8',
		'169.254.0.0/16',
		'172.16.0.0/12',
		'192.0.0.0/24',
		'192.0.0.170/31',
		'192.0.2.0/24',
		'192.168.0.0/16',
		'198.18.0.0/15',
		'198.51.100.0/24',
		'203.0.113.0/24',
		'240.0.0.0/4',
		'255.255.255.255/32',
	],
	ipv6: ['::1/128', '::/128', '::ffff:0:0/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', 'fc00::/7', 'fe80::/10'],
};

/** Globally reachable holes inside the ranges above. */
const privateExceptions = {
	ipv4: ['192.0.0.9/32', '192.0.0.10/32'],
	ipv6: ['2001:1::1/128', '2001:1::2/128', '2001:3::/32', '2001:4:112::/48', '2001:20::/28', '2001:30::/28'],
};

function nets(list: string[]): Net[] {
	return list.map(text => toNet(text)!);
}

const privateNets = {ipv4: nets(privateRanges.ipv4), ipv6: nets(privateRanges.ipv6)};
const exceptionNets = {ipv4: nets(privateExceptions.ipv4), ipv6: nets(privateExceptions.ipv6)};

/**
 * Python's `_BaseNetwork.is_private`: the first and last addresses both lie in
 * one private range, and neither lies in an exception. (Only the two ends are
 * tested, as Python does, so 192.0.0.8/29 is private although it holds .9.)
 */
export function isPrivateNet(net: Net): boolean {
	const first = net.value;
	const last = lastAddress(net);
	const inside = (range: Net) => addressInNet(first, net.family, range) && addressInNet(last, net.family, range);
	const touches = (range: Net) => addressInNet(first, net.family, range) || addressInNet(last, net.family, range);
	return privateNets[net.family].some(inside) && !exceptionNets[net.family].some(touches);
}

/** spyctl's `is_private_dns`: only names under `.local` (which includes `.cluster.local`) count as private. */
export function isPrivateDnsName(name: string): boolean {
	return name.endsWith('.local');
}
