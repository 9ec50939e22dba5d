import {describe, expect, test} from 'vitest';
import {groupWorkloads} from '../../source/agent/workloads.js';
import {observed} from './workload-fixtures.js';

const containerId = 'c0ffee'.repeat(10) + 'c0ff';
const summary = (processes: Parameters<typeof groupWorkloads>[0]) => groupWorkloads(processes).map(workload => `${workload.key} ${workload.type}: ${workload.processes.map(process => process.pid).join(',')}`);

describe('grouping processes into workloads', () => {
	test('a system service by its cgroup, a container by its id, whatever their parents', () => {
		expect(
			summary([
				observed(1, 0, 'systemd'),
				observed(500, 1, 'sshd', {placement: {kind: 'service', cgroup: 'systemd:/system.slice/ssh.service'}}),
				observed(900, 1, 'containerd-shim'),
				observed(901, 900, 'nginx', {placement: {kind: 'container', containerId}}),
				observed(902, 901, 'nginx', {placement: {kind: 'container', containerId}}),
			]),
		).toEqual([`container:${containerId} container: 901,902`, 'service:systemd:/system.slice/ssh.service linux-service: 500', 'tree:containerd-shim linux-service: 900']);
	});

	test('other processes: the tree of their highest ancestor below init, or below a service; trees are named after their roots', () => {
		const workloads = groupWorkloads([
			observed(1, 0, 'init'),
			observed(500, 1, 'sshd', {placement: {kind: 'service', cgroup: 'systemd:/system.slice/ssh.service'}}),
			// A login: its session is no service of its own, so it is the tree of its first process outside sshd.
			observed(600, 500, 'sshd-session'),
			observed(601, 600, 'bash'),
			observed(602, 601, 'vim'),
			observed(700, 1, 'bash'),
			observed(701, 700, 'sleep'),
			observed(800, 1, 'bash'),
		]);
		expect(workloads.map(workload => [workload.key, workload.serviceName, workload.processes.map(process => process.pid)])).toEqual([
			['service:systemd:/system.slice/ssh.service', undefined, [500]],
			// Two shells started by init are one service, `bash`.
			['tree:bash', 'bash', [700, 701, 800]],
			['tree:sshd-session', 'sshd-session', [600, 601, 602]],
		]);
	});

	test('an orphan whose parent was not read (it exited mid-read) is a root of its own', () => {
		expect(summary([observed(1, 0, 'init'), observed(40, 39, 'worker')])).toEqual(['tree:worker linux-service: 40']);
	});
});
