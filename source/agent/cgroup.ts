/** Where a process's cgroup places it: in a container, in a systemd service, or neither. */
export type Placement = {kind: 'container'; containerId: string} | {kind: 'service'; cgroup: string} | {kind: 'none'};

/**
 * A container runtime names the cgroup after the container's 64-hex id:
 * `/docker/ID`, `docker-ID.scope`, `cri-containerd-ID.scope`, `crio-ID.scope`,
 * `libpod-ID.scope`, `/kubepods/…/ID`.
 */
const containerId = /(?:^|[/-])([0-9a-f]{64})(?:\.scope)?(?:\/|$)/;

/**
 * Reads `/proc/PID/cgroup`. A container id anywhere wins: a container's
 * processes may sit under a systemd slice too. Otherwise the unified (`0::`)
 * or the `name=systemd` hierarchy (hybrid hosts have both) names a system service when its path runs
 * through `/system.slice/` to a `NAME.service`: the service is that path, cut
 * after the `.service` (a service may make sub-cgroups of its own), in
 * spyctl's `systemd:` form. Podman's `conmon` monitor runs beside its
 * container, not in it.
 */
export function placementOf(text: string): Placement {
	let service: string | undefined;
	for (const line of text.split('\n')) {
		const first = line.indexOf(':');
		const second = line.indexOf(':', first + 1);
		if (first < 0 || second < 0) continue;
		const path = line.slice(second + 1);
		const id = containerId.exec(path);
		if (id?.[1] && !path.includes('conmon')) return {kind: 'container', containerId: id[1]};
		const controllers = line.slice(first + 1, second);
		if (controllers === '' || controllers === 'name=systemd') service ??= systemService(path);
	}
	return service === undefined ? {kind: 'none'} : {kind: 'service', cgroup: `systemd:${service}`};
}

function systemService(path: string): string | undefined {
	const segments = path.split('/');
	if (segments[1] !== 'system.slice') return undefined;
	const end = segments.findIndex(segment => segment.endsWith('.service'));
	return end < 0 ? undefined : segments.slice(0, end + 1).join('/');
}
