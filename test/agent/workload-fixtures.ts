import type {Placement} from '../../source/agent/cgroup.js';
import type {ObservedProcess} from '../../source/agent/host-snapshot.js';

const none: Placement = {kind: 'none'};

/** A process as a snapshot holds it; the parts a test does not care about are plain. */
export function observed(pid: number, ppid: number, name: string, extra: Partial<ObservedProcess> = {}): ObservedProcess {
	return {pid, ppid, pgid: pid, name, exe: `/usr/bin/${name}`, euid: 0, euser: 'root', startTicks: 1000 + pid, placement: none, sockets: [], ...extra};
}
