import fs from 'node:fs';
import {type NetSocket, parseNetTable, type Protocol} from './net-table.js';
import {skipReason} from './proc-files.js';
import {type ProcessFacts, processTable, type TableSkips} from './process-table.js';
import {socketOwners} from './socket-owners.js';
import {userNames} from './users.js';

/** A process with its user's name and the inodes of the sockets it holds that the tables list as listening or connected. */
export type ObservedProcess = ProcessFacts & {euser: string; sockets: number[]};

/** The host at one moment: its processes and its listening and connected sockets. */
export type HostSnapshot = {
	processes: ObservedProcess[];
	sockets: NetSocket[];
	skipped: TableSkips & {
		/** Processes whose open sockets we may not read (another user's, without root). */
		socketsHidden: number;
		/** Socket tables missing from this kernel (no IPv6) or unreadable. */
		tables: string[];
	};
};

const tables: Array<[string, Protocol]> = [
	['tcp', 'TCP'],
	['tcp6', 'TCP'],
	['udp', 'UDP'],
	['udp6', 'UDP'],
];

/** Reads snapshots of the host from `/proc`, keeping what carries over from one to the next. */
export function hostReader(options: {procRoot?: string; passwdFile?: string} = {}) {
	const procRoot = options.procRoot ?? '/proc';
	const table = processTable(procRoot);
	const owners = socketOwners(procRoot);
	const users = userNames(options.passwdFile);

	function take(): HostSnapshot {
		users.refresh();
		const {processes, skipped} = table.read();
		const sockets: NetSocket[] = [];
		const missingTables: string[] = [];
		for (const [name, protocol] of tables) {
			try {
				for (const socket of parseNetTable(fs.readFileSync(`${procRoot}/net/${name}`, 'latin1'), protocol)) {
					if (socket.state !== 'other' && socket.inode > 0) sockets.push(socket);
				}
			} catch (error) {
				skipReason(error);
				missingTables.push(name);
			}
		}
		const {socketsOf, denied} = owners.resolve(processes, new Set(sockets.map(socket => socket.inode)));
		return {
			processes: processes.map(process => ({...process, euser: users.nameOf(process.euid), sockets: socketsOf.get(process.pid) ?? []})),
			sockets,
			skipped: {...skipped, socketsHidden: denied, tables: missingTables},
		};
	}

	return {take, close: table.close};
}
