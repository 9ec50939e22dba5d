import ipaddr from 'ipaddr.js';

export type Network = {address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number; family: 'ipv4' | 'ipv6'};

/** Parses `10.0.0.0/8` or a bare address (a /32 or /128, as Python's ip_network reads it). */
export function parseNetwork(text: string): Network | undefined {
	// ipaddr.js's own parse tries IPv6 first and throws for every IPv4 text; a policy of 2,000 rules spent a third of its validation on those throws.
	const family = text.includes(':') ? ipaddr.IPv6 : ipaddr.IPv4;
	try {
		if (text.includes('/')) {
			const [address, prefix] = family.parseCIDR(text);
			return {address, prefix, family: address.kind()};
		}
		const address = family.parse(text);
		return {address, prefix: address.kind() === 'ipv4' ? 32 : 128, family: address.kind()};
	} catch {
		return undefined;
	}
}

/** Is `inner` the same network as `outer` or inside it? Both must be of one family. */
export function isSubnetOf(inner: Network, outer: Network): boolean {
	if (inner.family !== outer.family || inner.prefix < outer.prefix) return false;
	return inner.address.match(outer.address, outer.prefix);
}

/** `10.0.0.1/8` names a host, not a network; spyctl (Python's strict ip_network) rejects it. Returns the network meant. */
export function intendedNetwork(network: Network): string | undefined {
	const text = `${network.address.toString()}/${network.prefix}`;
	const base = network.family === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
	return base.toString() === network.address.toString() ? undefined : `${base.toString()}/${network.prefix}`;
}
