import {describe, expect, test} from 'vitest';
import {parseNetTable} from '../../source/agent/net-table.js';

const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const line = (local: string, remote: string, state: string, inode: number) => `   0: ${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`;

describe('/proc/net socket tables (little-endian host)', () => {
	test('tcp: listening, both ends of a loopback connection, and sockets in other states', () => {
		const text =
			header +
			line('0100007F:1F90', '00000000:0000', '0A', 40_001) +
			line('0100007F:1F90', '0100007F:C350', '01', 40_002) +
			line('0100007F:C350', '0100007F:1F90', '01', 40_003) +
			line('0100007F:C351', '0100007F:1F90', '06', 0) +
			line('0A00020F:0016', 'C0A80001:D431', '08', 40_004);
		expect(parseNetTable(text, 'TCP', true)).toEqual([
			{protocol: 'TCP', state: 'listening', localAddress: '127.0.0.1', localPort: 8080, remoteAddress: '0.0.0.0', remotePort: 0, inode: 40_001},
			{protocol: 'TCP', state: 'connected', localAddress: '127.0.0.1', localPort: 8080, remoteAddress: '127.0.0.1', remotePort: 50_000, inode: 40_002},
			{protocol: 'TCP', state: 'connected', localAddress: '127.0.0.1', localPort: 50_000, remoteAddress: '127.0.0.1', remotePort: 8080, inode: 40_003},
			{protocol: 'TCP', state: 'other', localAddress: '127.0.0.1', localPort: 50_001, remoteAddress: '127.0.0.1', remotePort: 8080, inode: 0},
			{protocol: 'TCP', state: 'other', localAddress: '15.2.0.10', localPort: 22, remoteAddress: '1.0.168.192', remotePort: 54_321, inode: 40_004},
		]);
	});

	test('tcp6: the wildcard, an IPv4 peer of an IPv6 socket as IPv4, and a global address compressed', () => {
		const text =
			header +
			line('00000000000000000000000000000000:0016', '00000000000000000000000000000000:0000', '0A', 1) +
			line('0000000000000000FFFF00000100007F:1F90', '0000000000000000FFFF00000100007F:C352', '01', 2) +
			line('B80D0120000000000000000001000000:01BB', 'B80D0120000000000000000002000000:E000', '01', 3);
		expect(parseNetTable(text, 'TCP', true).map(socket => `${socket.state} ${socket.localAddress}:${socket.localPort} ${socket.remoteAddress}:${socket.remotePort}`)).toEqual([
			'listening :::22 :::0',
			'connected 127.0.0.1:8080 127.0.0.1:50002',
			'connected 2001:db8::1:443 2001:db8::2:57344',
		]);
	});

	test('udp: a bound socket with no peer listens, a connected one is a connection', () => {
		const text = header + line('00000000:0044', '00000000:0000', '07', 7) + line('0100007F:D000', '3500007F:0035', '01', 8) + line('0100007F:D001', '0100007F:0035', '07', 9);
		expect(parseNetTable(text, 'UDP', true).map(socket => `${socket.state} ${socket.localPort} ${socket.remoteAddress}:${socket.remotePort}`)).toEqual([
			'listening 68 0.0.0.0:0',
			'connected 53248 127.0.0.53:53',
			'other 53249 127.0.0.1:53',
		]);
	});

	test('a big-endian host writes addresses in network order; malformed lines are skipped', () => {
		expect(parseNetTable(header + line('7F000001:1F90', '00000000:0000', '0A', 5) + 'junk\n   1: 7F00:1F90 00000000:0000 0A 0 0 0 0 0 6\n', 'TCP', false)).toEqual([
			{protocol: 'TCP', state: 'listening', localAddress: '127.0.0.1', localPort: 8080, remoteAddress: '0.0.0.0', remotePort: 0, inode: 5},
		]);
	});
});
