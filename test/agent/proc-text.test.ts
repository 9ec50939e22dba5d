import {describe, expect, test} from 'vitest';
import {cleanExe, exeFromCmdline, parseBootTime, parseEffectiveUid, parseStat, socketInode} from '../../source/agent/proc-text.js';
import {parsePasswd} from '../../source/agent/users.js';

// /proc/PID/stat of a process whose name holds a space and parentheses, as `prctl(PR_SET_NAME)` allows.
const stat = '4242 (tmux: (server)) S 1 4242 4242 0 -1 4194560 1227 0 0 0 13 4 0 0 20 0 1 0 987654 9326592 1039 18446744073709551615 1 1 0 0 0 0 0 4098 134433283 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n';
const kernelThread = '22 (ksoftirqd/1) S 2 0 0 0 -1 69238848 0 0 0 0 0 12 0 0 20 0 1 0 18 0 0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n';

describe('/proc/PID text', () => {
	test('stat: the name between the first ( and the last ), then the fields counted from there', () => {
		expect(parseStat(Buffer.from(stat))).toEqual({pid: 4242, name: 'tmux: (server)', state: 'S', ppid: 1, pgid: 4242, startTicks: 987_654, kernelThread: false});
		expect(parseStat(Buffer.from(kernelThread))).toMatchObject({name: 'ksoftirqd/1', kernelThread: true});
		for (const broken of ['garbage', '12 (cut) S 1', '(anonymous) S 1 2 3', 'x1 (name) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0']) expect(parseStat(Buffer.from(broken))).toBeUndefined();
		// A reused buffer: only the first `length` bytes are this read's; what follows is an older, longer line.
		expect(parseStat(Buffer.from(`${stat}9 (old) S 1 1 1)`), stat.length)).toMatchObject({pid: 4242, name: 'tmux: (server)', startTicks: 987_654});
	});

	test('status: the effective uid is the second of the Uid line', () => {
		expect(parseEffectiveUid('Name:\tsudo\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n')).toBe(0);
		expect(parseEffectiveUid('Name:\tx\n')).toBeUndefined();
	});

	test('an exe from the command line only when it is a path; a replaced program keeps its path', () => {
		expect(exeFromCmdline('/usr/sbin/nginx\0-g\0daemon off;\0')).toBe('/usr/sbin/nginx');
		expect(exeFromCmdline('nginx: worker process\0')).toBeUndefined();
		expect(cleanExe('/usr/bin/python3.12 (deleted)')).toBe('/usr/bin/python3.12');
	});

	test('fd links: sockets by inode, anything else is not one', () => {
		expect(socketInode('socket:[443698]')).toBe(443_698);
		expect(['pipe:[12]', '/dev/null', 'anon_inode:[eventpoll]', 'socket:[x]'].map(link => socketInode(link))).toEqual([undefined, undefined, undefined, undefined]);
	});

	test('boot time from /proc/stat', () => {
		expect(parseBootTime('cpu  1 2 3\nintr 5\nctxt 9\nbtime 1795762192\nprocesses 7\n')).toBe(1_795_762_192);
	});

	test('passwd: names by uid, the first name of a uid wins, comments and junk are skipped', () => {
		const names = parsePasswd('# users\nroot:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\nwww-data:x:33:33::/var/www:/usr/sbin/nologin\nbroken\n:x:5:5::/:/bin/sh\n');
		expect([...names]).toEqual([
			[0, 'root'],
			[33, 'www-data'],
		]);
	});
});
