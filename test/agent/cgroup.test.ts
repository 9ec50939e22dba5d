import {describe, expect, test} from 'vitest';
import {placementOf} from '../../source/agent/cgroup.js';

const id = 'a1b2c3d4e5f6'.repeat(5) + 'a1b2';

describe('where a cgroup places a process', () => {
	test('a container, by the id its runtime names the cgroup after', () => {
		for (const text of [
			`12:pids:/docker/${id}\n1:name=systemd:/docker/${id}\n0::/\n`,
			`0::/system.slice/docker-${id}.scope\n`,
			`0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1f2e.slice/cri-containerd-${id}.scope\n`,
			`0::/machine.slice/libpod-${id}.scope/container\n`,
		]) {
			expect(placementOf(text)).toEqual({kind: 'container', containerId: id});
		}
	});

	test("podman's conmon runs beside the container, not in it", () => {
		expect(placementOf(`0::/machine.slice/libpod-conmon-${id}.scope\n`)).toEqual({kind: 'none'});
	});

	test('a system service: the path to its .service, with sub-cgroups cut off, in the systemd: form', () => {
		expect(placementOf('0::/system.slice/ssh.service\n')).toEqual({kind: 'service', cgroup: 'systemd:/system.slice/ssh.service'});
		expect(placementOf('0::/system.slice/system-postgresql.slice/postgresql@16-main.service\n')).toEqual({kind: 'service', cgroup: 'systemd:/system.slice/system-postgresql.slice/postgresql@16-main.service'});
		expect(placementOf('0::/system.slice/containerd.service/runtime/worker\n')).toEqual({kind: 'service', cgroup: 'systemd:/system.slice/containerd.service'});
		// A hybrid host: the v1 systemd hierarchy knows the service, the unified one says nothing.
		expect(placementOf('9:name=systemd:/system.slice/cron.service\n4:memory:/system.slice/cron.service\n0::/\n')).toEqual({kind: 'service', cgroup: 'systemd:/system.slice/cron.service'});
	});

	test('user sessions, user services, the root and other controllers place nothing', () => {
		for (const text of ['0::/user.slice/user-1000.slice/session-3.scope\n', '0::/user.slice/user-1000.slice/user@1000.service/app.slice/app.service\n', '0::/\n', '4:memory:/system.slice/ssh.service\n0::/\n', '']) {
			expect(placementOf(text)).toEqual({kind: 'none'});
		}
	});
});
