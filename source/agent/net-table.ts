import os from 'node:os';
import ipaddr from 'ipaddr.js';

export type Protocol = 'TCP' | 'UDP';

/** One socket of `/proc/net/{tcp,tcp6,udp,udp6}`. */
export type NetSocket = {
	protocol: Protocol;
	/** Listening: a TCP socket in LISTEN, or a UDP socket bound with no peer. Connected: an established TCP or connected UDP socket. */
	state: 'listening' | 'connected' | 'other';
	localAddress: string;
	localPort: number;
	remoteAddress: string;
	remotePort: number;
	/** 0 for a socket no process holds any more (TIME_WAIT and the like). */
	inode: number;
};

const tcpStates: Record<string, NetSocket['state']> = {'01': 'connected', '0A': 'listening'};

/**
 * Parses one of the `/proc/net` socket tables. Addresses are hex in the
 * kernel's byte order: 32-bit words in host order (so reversed on a
 * little-endian machine), one for IPv4, four for IPv6. An IPv4 peer of an
 * IPv6 socket (`::ffff:127.0.0.1`) is given as IPv4, as it is on the wire.
 */
export function parseNetTable(text: string, protocol: Protocol, littleEndian = os.endianness() === 'LE'): NetSocket[] {
	const sockets: NetSocket[] = [];
	const lines = text.split('\n');
	for (let index = 1; index < lines.length; index++) {
		const fields = lines[index]!.trim().split(/\s+/);
		if (fields.length < 10) continue;
		const local = endpoint(fields[1]!, littleEndian);
		const remote = endpoint(fields[2]!, littleEndian);
		if (!local || !remote) continue;
		const code = fields[3]!;
		// UDP reuses TCP's state numbers: 07 (CLOSE) is a bound socket with no peer, 01 a connected one.
		const state = protocol === 'TCP' ? (tcpStates[code] ?? 'other') : code === '01' ? 'connected' : code === '07' && remote.port === 0 ? 'listening' : 'other';
		sockets.push({protocol, state, localAddress: local.address, localPort: local.port, remoteAddress: remote.address, remotePort: remote.port, inode: Number(fields[9])});
	}
	return sockets;
}

function endpoint(text: string, littleEndian: boolean): {address: string; port: number} | undefined {
	const colon = text.indexOf(':');
	const hex = text.slice(0, colon);
	if (colon < 0 || (hex.length !== 8 && hex.length !== 32)) return undefined;
	const bytes: number[] = [];
	for (let word = 0; word < hex.length; word += 8) {
		const wordBytes = [0, 2, 4, 6].map(offset => Number.parseInt(hex.slice(word + offset, word + offset + 2), 16));
		bytes.push(...(littleEndian ? wordBytes.reverse() : wordBytes));
	}
	const address = ipaddr.fromByteArray(bytes);
	const plain = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
	return {address: plain.toString(), port: Number.parseInt(text.slice(colon + 1), 16)};
}
