import fs from 'node:fs';
import os from 'node:os';
import type {Host} from './fingerprint.js';
import {parseBootTime} from './proc-text.js';

/**
 * The machine, read once: its name, its systemd machine id (the uid a
 * machineSelector may name; absent on hosts without one) and its boot time,
 * which turns process start ticks into epoch seconds.
 */
export function readHost(): Host {
	let machineId: string | undefined;
	try {
		machineId = fs.readFileSync('/etc/machine-id', 'latin1').trim() || undefined;
	} catch {
		machineId = undefined;
	}
	const bootTime = parseBootTime(fs.readFileSync('/proc/stat', 'latin1'));
	if (bootTime === undefined) throw new Error('/proc/stat has no btime line: is this Linux?');
	return {hostname: os.hostname(), machineId, bootTime};
}
