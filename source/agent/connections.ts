import type {NetSocket, Protocol} from './net-table.js';

export type Port = {protocol: Protocol; port: number};

/** A connection as one of its processes sees it: accepted (ingress) or made (egress), the peer's address, and the port it is on. */
export type Connection = {direction: 'ingress' | 'egress'; peer: string; port: Port};

/** The host's sockets, indexed once a cycle for every workload's lookups. */
export type SocketIndex = {byInode: Map<number, NetSocket>; listening: Set<string>};

const wildcards = ['0.0.0.0', '::'];
const listeningKey = (protocol: Protocol, address: string, port: number) => `${protocol} ${address} ${port}`;

export function socketIndex(sockets: readonly NetSocket[]): SocketIndex {
	const byInode = new Map<number, NetSocket>();
	const listening = new Set<string>();
	for (const socket of sockets) {
		byInode.set(socket.inode, socket);
		if (socket.state === 'listening') listening.add(listeningKey(socket.protocol, socket.localAddress, socket.localPort));
	}
	return {byInode, listening};
}

/**
 * What a process's sockets say: the ports it listens on, and its
 * connections. A connection whose local end is a port some socket of the
 * host listens on (on its address or on all) was accepted there: ingress,
 * from the peer's address, on that port. Any other was made by the process:
 * egress, to the peer, on the peer's port.
 */
export function socketActivity(inodes: readonly number[], index: SocketIndex): {listening: Port[]; connections: Connection[]} {
	const listening: Port[] = [];
	const connections: Connection[] = [];
	for (const inode of inodes) {
		const socket = index.byInode.get(inode);
		if (!socket) continue;
		if (socket.state === 'listening') {
			listening.push({protocol: socket.protocol, port: socket.localPort});
			continue;
		}
		const accepted = [socket.localAddress, ...wildcards].some(address => index.listening.has(listeningKey(socket.protocol, address, socket.localPort)));
		connections.push(
			accepted
				? {direction: 'ingress', peer: socket.remoteAddress, port: {protocol: socket.protocol, port: socket.localPort}}
				: {direction: 'egress', peer: socket.remoteAddress, port: {protocol: socket.protocol, port: socket.remotePort}},
		);
	}
	return {listening, connections};
}
