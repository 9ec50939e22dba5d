import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {hostReader} from '../../source/agent/host-snapshot.js';
import {tempDir} from '../helpers/temp.js';

/** A /proc/PID/stat line: fields after the name up to starttime (22), the rest zero. */
const statLine = (pid: number, name: string, state: string, ppid: number, startTicks: number, flags = 4_194_560) =>
	`${pid} (${name}) ${state} ${ppid} ${pid} ${pid} 0 -1 ${flags} 0 0 0 0 0 0 0 0 20 0 1 0 ${startTicks} 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`;

type Fixture = {stat: string; status?: string; cgroup?: string; exe?: string; fds?: Record<string, string>};

/** A /proc of files: what the readers see there is what they would see on a host. */
function fakeProc(processes: Record<number, Fixture>, net: Record<string, string>): string {
	const root = tempDir('spytui-proc-');
	for (const [pid, files] of Object.entries(processes)) {
		const dir = path.join(root, pid);
		fs.mkdirSync(path.join(dir, 'fd'), {recursive: true});
		fs.writeFileSync(path.join(dir, 'stat'), files.stat);
		if (files.status !== undefined) fs.writeFileSync(path.join(dir, 'status'), files.status);
		if (files.cgroup !== undefined) fs.writeFileSync(path.join(dir, 'cgroup'), files.cgroup);
		if (files.exe !== undefined) fs.symlinkSync(files.exe, path.join(dir, 'exe'));
		for (const [fd, target] of Object.entries(files.fds ?? {})) fs.symlinkSync(target, path.join(dir, 'fd', fd));
	}
	fs.mkdirSync(path.join(root, 'net'));
	for (const [name, text] of Object.entries(net)) fs.writeFileSync(path.join(root, 'net', name), text);
	return root;
}

const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const socketLine = (local: string, remote: string, state: string, inode: number) => `   0: ${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0 100 0 0 10 0\n`;

describe('a snapshot of the host, from the files of /proc', () => {
	const service = {status: 'Name:\tweb\nUid:\t1000\t1000\t1000\t1000\n', cgroup: '0::/system.slice/web.service\n', exe: '/usr/bin/web'};
	const root = fakeProc(
		{
			2: {stat: statLine(2, 'kthreadd', 'S', 0, 1, 0x20_8040)},
			100: {...service, stat: statLine(100, 'web', 'S', 1, 5000), fds: {0: '/dev/null', 3: 'socket:[555]', 4: 'socket:[556]'}},
			101: {...service, stat: statLine(101, 'web', 'S', 100, 5001), fds: {5: 'socket:[557]', 6: 'pipe:[9]'}},
			300: {...service, stat: statLine(300, 'defunct', 'Z', 100, 5002)},
			// Exited between its stat and the rest.
			400: {stat: statLine(400, 'brief', 'R', 1, 6000)},
		},
		{
			tcp: header + socketLine('00000000:0050', '00000000:0000', '0A', 555) + socketLine('0100000A:0050', '090200C0:9C40', '01', 557) + socketLine('0100000A:0051', '090200C0:9C41', '06', 0),
			udp: header,
		},
	);
	const passwd = path.join(tempDir('spytui-passwd-'), 'passwd');
	fs.writeFileSync(passwd, 'root:x:0:0::/root:/bin/sh\nweb:x:1000:1000::/srv:/usr/sbin/nologin\n');
	const reader = hostReader({procRoot: root, passwdFile: passwd});
	const snapshot = reader.take();
	reader.close();

	test('processes with their users, cgroups and the listed sockets they hold; no kernel threads or zombies', () => {
		expect(snapshot.processes.map(({pid, ppid, name, exe, euser, placement, sockets, startTicks}) => ({pid, ppid, name, exe, euser, placement, sockets, startTicks}))).toEqual([
			{pid: 100, ppid: 1, name: 'web', exe: '/usr/bin/web', euser: 'web', placement: {kind: 'service', cgroup: 'systemd:/system.slice/web.service'}, sockets: [555], startTicks: 5000},
			{pid: 101, ppid: 100, name: 'web', exe: '/usr/bin/web', euser: 'web', placement: {kind: 'service', cgroup: 'systemd:/system.slice/web.service'}, sockets: [557], startTicks: 5001},
		]);
	});

	test('listening and connected sockets only; what could not be read is counted, not thrown', () => {
		expect(snapshot.sockets.map(socket => `${socket.inode} ${socket.state}`)).toEqual(['555 listening', '557 connected']);
		expect(snapshot.skipped).toEqual({gone: 1, exeHidden: 0, unreadable: 0, socketsHidden: 0, tables: ['tcp6', 'udp6']});
	});
});
