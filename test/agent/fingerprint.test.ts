import {describe, expect, test} from 'vitest';
import {socketIndex} from '../../source/agent/connections.js';
import {buildFingerprint} from '../../source/agent/fingerprint.js';
import type {NetSocket} from '../../source/agent/net-table.js';
import {groupWorkloads} from '../../source/agent/workloads.js';
import {validateObject} from '../../source/policy/validate.js';
import {observed} from './workload-fixtures.js';

const host = {hostname: 'web-01', machineId: 'f00d', bootTime: 1_700_000_000};
const socket = (inode: number, state: NetSocket['state'], local: [string, number], remote: [string, number], protocol: NetSocket['protocol'] = 'TCP'): NetSocket => ({
	protocol,
	state,
	localAddress: local[0],
	localPort: local[1],
	remoteAddress: remote[0],
	remotePort: remote[1],
	inode,
});

const sockets = socketIndex([
	socket(1, 'listening', ['0.0.0.0', 80], ['0.0.0.0', 0]),
	socket(2, 'listening', ['::', 443], ['::', 0]),
	// Accepted on the dual-stack :: socket from an IPv4 client, by one worker.
	socket(3, 'connected', ['10.0.0.5', 443], ['192.0.2.7', 51_000]),
	// The other worker calls an upstream over IPv6.
	socket(4, 'connected', ['2001:db8::5', 40_000], ['2001:db8::9', 8443]),
	socket(5, 'listening', ['127.0.0.1', 5353], ['0.0.0.0', 0], 'UDP'),
]);

function nginx() {
	const nginx = {exe: '/usr/sbin/nginx', placement: {kind: 'service', cgroup: 'systemd:/system.slice/nginx.service'}} as const;
	return groupWorkloads([
		observed(100, 1, 'nginx', {...nginx, sockets: [1, 2], startTicks: 500}),
		observed(101, 100, 'nginx', {...nginx, euid: 33, euser: 'www-data', sockets: [3]}),
		observed(102, 100, 'nginx', {...nginx, euid: 33, euser: 'www-data', sockets: [4, 5]}),
		observed(103, 100, 'sh', {...nginx, exe: '/usr/bin/dash', euid: 33, euser: 'www-data', pgid: 100}),
		observed(104, 103, 'logrotate', {...nginx, exe: '/usr/sbin/logrotate', euid: 33, euser: 'www-data', pgid: 100}),
	])[0]!;
}

describe('a workload as a SpyderbatFingerprint', () => {
	const fingerprint = buildFingerprint(nginx(), sockets, host, 1_700_000_100);

	test('the process tree: same-program siblings are one node, ids numbered parents first, a child user only where it differs', () => {
		expect(fingerprint.spec.processPolicy).toEqual([
			{
				name: 'nginx',
				exe: ['/usr/sbin/nginx'],
				id: 'nginx_0',
				euser: ['root'],
				listeningSockets: [
					{protocol: 'TCP', port: 80},
					{protocol: 'TCP', port: 443},
				],
				children: [
					{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_1', euser: ['www-data'], listeningSockets: [{protocol: 'UDP', port: 5353}]},
					{name: 'sh', exe: ['/usr/bin/dash'], id: 'sh_0', euser: ['www-data'], children: [{name: 'logrotate', exe: ['/usr/sbin/logrotate'], id: 'logrotate_0'}]},
				],
			},
		]);
	});

	test('connections: accepted ones are ingress on the listening port, made ones egress to the peer port; each names its process', () => {
		expect(fingerprint.spec.networkPolicy).toEqual({
			ingress: [{from: [{ipBlock: {cidr: '192.0.2.7/32'}}], ports: [{protocol: 'TCP', port: 443}], processes: ['nginx_1']}],
			egress: [{to: [{ipBlock: {cidr: '2001:db8::9/128'}}], ports: [{protocol: 'TCP', port: 8443}], processes: ['nginx_1']}],
		});
	});

	test('selectors and metadata name the service and the machine; the pids behind the nodes go along', () => {
		expect(fingerprint.spec.serviceSelector).toEqual({cgroup: 'systemd:/system.slice/nginx.service'});
		expect(fingerprint.spec.machineSelector).toEqual({hostname: 'web-01'});
		expect(fingerprint.metadata).toMatchObject({name: 'nginx.service', type: 'linux-service', hostname: 'web-01', muid: 'f00d', cgroup: 'systemd:/system.slice/nginx.service', firstTimestamp: 1_700_000_005, latestTimestamp: 1_700_000_100});
		expect(fingerprint.metadata.hostProcesses.map(process => `${process.pid}:${process.id}`)).toEqual(['100:nginx_0', '101:nginx_1', '102:nginx_1', '103:sh_0', '104:logrotate_0']);
		expect(fingerprint.metadata.hostProcesses[4]).toEqual({id: 'logrotate_0', pid: 104, ppid: 103, pgid: 100, startTicks: 1104});
	});

	test('the ingest endpoint would take it: it is a valid SpyderbatFingerprint', () => {
		expect(validateObject(fingerprint)).toEqual([]);
		const tree = buildFingerprint(groupWorkloads([observed(7, 1, 'tmux: server')])[0]!, sockets, host, 1);
		expect(tree.spec.serviceSelector).toEqual({matchFields: {name: 'tmux: server'}});
		expect(tree.metadata['service-name']).toBe('tmux: server');
		expect(validateObject(tree)).toEqual([]);
		const containerId = 'ab'.repeat(32);
		const container = buildFingerprint(groupWorkloads([observed(8, 1, 'redis-server', {placement: {kind: 'container', containerId}})])[0]!, sockets, host, 1);
		expect(container.spec.containerSelector).toEqual({containerID: containerId});
		expect(container.metadata).toMatchObject({type: 'container', containerID: containerId, name: 'abababababab'});
		expect(validateObject(container)).toEqual([]);
	});

	test('the same processes give the same fingerprint, whatever order /proc lists them in', () => {
		const shuffled = nginx();
		shuffled.processes.reverse();
		expect(buildFingerprint(shuffled, sockets, host, 1_700_000_100)).toEqual(fingerprint);
	});
});
