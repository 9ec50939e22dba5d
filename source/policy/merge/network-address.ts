import ipaddr from 'ipaddr.js';
import {intendedNetwork, type Network, parseNetwork} from '../cidr.js';

/**
 * An IP network as one integer and a prefix length, so that containment,
 * ordering and "same network at prefix q" keys are integer operations rather
 * than repeated ipaddr.js parsing: merges compare many thousands of blocks.
 */
export type Net = {
	family: 'ipv4' | 'ipv6';
	/** The network address as an unsigned integer (host bits are zero). */
	value: bigint;
	prefix: number;
	/** The text Python's `str(ip_network(...))` gives, which spyctl writes back. */
	text: string;
};

function bitsOf(family: Net['family']): bigint {
	return family === 'ipv4' ? 32n : 128n;
}

/**
 * Parsed networks by text. A merge reads every base block again for each
 * object merged in, and ipaddr.js parsing dominates that; policies name a
 * bounded set of networks, and the cap keeps a long TUI session bounded too.
 */
const parsed = new Map<string, Net | undefined>();
const parsedCap = 100_000;

/** Parses a network as spyctl's strict `ip_network` does: a network with host bits set is refused. */
export function toNet(cidr: string): Net | undefined {
	if (parsed.has(cidr)) return parsed.get(cidr);
	if (parsed.size >= parsedCap) parsed.clear();
	const net = parseNet(cidr);
	parsed.set(cidr, net);
	return net;
}

function parseNet(cidr: string): Net | undefined {
	const network = parseNetwork(cidr);
	if (!network || intendedNetwork(network)) return undefined;
	let value = 0n;
	for (const byte of network.address.toByteArray()) value = (value << 8n) | BigInt(byte);
	return {family: network.family, value, prefix: network.prefix, text: `${addressText(network.address)}/${network.prefix}`};
}

/** Python 3.13 prints an IPv4-mapped IPv6 address with a dotted tail; ipaddr.js prints hex. */
function addressText(address: Network['address']): string {
	if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()) {
		return `::ffff:${address.toIPv4Address().toString()}`;
	}
	return address.toString();
}

/** The first `prefix` bits of `value`, for a network of `family`. */
function leadingBits(value: bigint, family: Net['family'], prefix: number): bigint {
	return value >> (bitsOf(family) - BigInt(prefix));
}

/** Is `inner` the same network as `outer` or a subnet of it? */
export function netWithin(inner: Net, outer: Net): boolean {
	if (inner.family !== outer.family || inner.prefix < outer.prefix) return false;
	return leadingBits(inner.value, inner.family, outer.prefix) === leadingBits(outer.value, outer.family, outer.prefix);
}

/** Is the single address `address` (of `family`) inside `net`? */
export function addressInNet(address: bigint, family: Net['family'], net: Net): boolean {
	return family === net.family && leadingBits(address, family, net.prefix) === leadingBits(net.value, net.family, net.prefix);
}

/** The last address of `net` (Python's broadcast_address). */
export function lastAddress(net: Net): bigint {
	const hostBits = bitsOf(net.family) - BigInt(net.prefix);
	return net.value | ((1n << hostBits) - 1n);
}

/** Names the supernet of `net` with `prefix` bits, so that supernets can be found in a map. */
export function supernetKey(net: Net, prefix: number): string {
	return `${net.family}/${prefix}/${leadingBits(net.value, net.family, prefix)}`;
}

/** Python's network ordering: by network address, then by netmask (shorter prefix first). */
export function compareNets(a: Net, b: Net): number {
	if (a.value !== b.value) return a.value < b.value ? -1 : 1;
	return a.prefix - b.prefix;
}
