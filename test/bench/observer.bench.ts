import {type ChildProcess, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {changeTracker} from '../../source/agent/changes.js';
import {hostObservation} from '../../source/agent/observation.js';
import {startObserver} from '../../source/agent/observer.js';
import {ticksPerSecond} from '../../source/agent/proc-text.js';
import {createApiClient} from '../../source/api/client.js';
import {readOrCreateToken} from '../../source/server/data-dir.js';
import {tempDir} from '../helpers/temp.js';
import type {Figure} from './figure.js';

const minimumProcesses = 500;
const warmup = 5;
const cycles = 15;
const shareWindowMs = 5000;
const repository = path.resolve(import.meta.dirname, '../..');

const isPid = (entry: string) => /^\d+$/.test(entry);

function cpuMs(since: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
}

/**
 * Sleeps until the host runs at least `minimumProcesses` processes, kernel
 * threads (no command line) aside. A shell starts them, in a process group
 * of its own to end them with: spawned from here, their handles and garbage
 * would weigh on the measured process.
 */
async function fillHost(): Promise<() => void> {
	const running = () => fs.readdirSync('/proc').filter(entry => isPid(entry) && readOrEmpty(`/proc/${entry}/cmdline`) !== '').length;
	const shells: ChildProcess[] = [];
	const end = () => {
		for (const shell of shells) process.kill(-shell.pid!, 'SIGKILL');
	};
	try {
		// Other processes may end meanwhile: what is missing is counted again until the host is full.
		for (let missing = minimumProcesses - running(); missing > 0; missing = minimumProcesses - running()) {
			shells.push(spawn('sh', ['-c', `for i in $(seq ${missing}); do sleep 600 & done; wait`], {detached: true, stdio: 'ignore'}));
			const deadline = performance.now() + 2000;
			while (running() < minimumProcesses && performance.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
		}
	} catch (error) {
		end();
		throw error;
	}
	return end;
}

function readOrEmpty(file: string): string {
	try {
		return fs.readFileSync(file, 'latin1');
	} catch {
		return '';
	}
}

/** `spytui serve` from source in a process of its own, so that its CPU is not counted as the observer's. */
async function serve(dataDir: string): Promise<{child: ChildProcess; url: string; org: string}> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'cli.tsx', 'serve', '--port', '0', '--data-dir', dataDir], {cwd: repository, stdio: ['ignore', 'ignore', 'pipe']});
	let output = '';
	return new Promise((resolve, reject) => {
		child.stderr!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /server on (http:\/\/\S+) .*uid (\S+)\)/.exec(output);
			if (match) resolve({child, url: match[1]!, org: match[2]!});
		});
		child.once('exit', code => reject(new Error(`serve exited with ${code}: ${output}`)));
	});
}

/** A process's CPU so far, from its /proc stat (utime + stime, in clock ticks). */
function processCpuMs(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]!.split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/**
 * The observer on this machine with at least 500 processes (sleeps fill up
 * a quieter host). One cycle: read /proc, group workloads, build their
 * fingerprints and find what changed: the median of steady cycles, 100 ms
 * apart after a few to warm up (the first, which reads every process's
 * details and descriptors, is reported apart). The share of one core: the
 * observer at its default 1 s interval, sends included, against `spytui
 * serve` in another process, over five seconds; what the server spent
 * ingesting is reported apart.
 */
export default async function observerBench(): Promise<Figure[]> {
	const endSleeps = await fillHost();
	try {
		const observed = fs.readdirSync('/proc').filter(entry => isPid(entry)).length;
		const observation = hostObservation();
		const tracker = changeTracker();
		const cycle = () => {
			const started = process.cpuUsage();
			tracker.delivered(tracker.changed(observation.observe(Date.now() / 1000).fingerprints));
			return cpuMs(started);
		};
		const first = cycle();
		for (let index = 0; index < warmup; index++) cycle();
		const steady: number[] = [];
		for (let index = 0; index < cycles; index++) {
			// Cycles apart, as the observer runs them, not back to back.
			await new Promise(resolve => setTimeout(resolve, 100));
			steady.push(cycle());
		}
		steady.sort((left, right) => left - right);
		observation.close();
		const median = steady[Math.floor(steady.length / 2)]!;

		const dataDir = tempDir('spytui-bench-');
		const token = readOrCreateToken(dataDir);
		const server = await serve(dataDir);
		const observer = startObserver({client: createApiClient({apiUrl: server.url, apiKey: token, organization: server.org}, {retries: 0})});
		let share: number;
		let serverShare: number;
		try {
			// Past the first cycle, which reads everything and sends every workload once.
			await new Promise(resolve => setTimeout(resolve, 1500));
			const started = process.cpuUsage();
			const serverStarted = processCpuMs(server.child.pid!);
			const wall = performance.now();
			await new Promise(resolve => setTimeout(resolve, shareWindowMs));
			const elapsed = performance.now() - wall;
			share = (cpuMs(started) / elapsed) * 100;
			serverShare = ((processCpuMs(server.child.pid!) - serverStarted) / elapsed) * 100;
		} finally {
			await observer.stop();
			server.child.kill('SIGTERM');
			await new Promise(resolve => (server.child.exitCode === null ? server.child.once('exit', resolve) : resolve(undefined)));
		}
		return [
			{name: `observer cycle, CPU (${observed} processes; steady median of ${cycles}, first cycle ${Math.round(first)} ms)`, value: median, unit: 'ms', target: 50, better: 'lower'},
			{name: `observer at the 1 s interval, sends included, share of one core (the server ingesting them: ${serverShare.toFixed(1)} %)`, value: share, unit: '%', target: 5, better: 'lower'},
		];
	} finally {
		endSleeps();
	}
}
