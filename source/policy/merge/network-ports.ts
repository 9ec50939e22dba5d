import type {NetworkPolicy} from './types.js';

export type Port = NetworkPolicy['ingress'][number]['ports'][number];

/** A port entry with its end made explicit: a single port is the range port..port. */
export type PortRange = {
	protocol: Port['protocol'];
	port: number;
	endPort: number;
	/** Names the range exactly, for the rule index. */
	key: string;
};

export function toPortRange(port: Port): PortRange {
	const endPort = port.endPort ?? port.port;
	return {protocol: port.protocol, port: port.port, endPort, key: `${port.protocol}/${port.port}-${endPort}`};
}

/** spyctl writes `endPort` only when the range is wider than one port. */
export function fromPortRange(range: PortRange): Port {
	return range.endPort === range.port ? {protocol: range.protocol, port: range.port} : {protocol: range.protocol, port: range.port, endPort: range.endPort};
}

export function rangeWithin(inner: PortRange, outer: PortRange): boolean {
	return inner.protocol === outer.protocol && outer.port <= inner.port && inner.endPort <= outer.endPort;
}

/** Does every range of `inner` fall inside one range of `outer`? (Loops, not closures: every containment test starts here.) */
export function rangesWithin(inner: readonly PortRange[], outer: readonly PortRange[]): boolean {
	for (const range of inner) {
		let inside = false;
		for (const candidate of outer) {
			if (rangeWithin(range, candidate)) {
				inside = true;
				break;
			}
		}
		if (!inside) return false;
	}
	return true;
}
