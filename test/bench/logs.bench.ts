import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {promisify} from 'node:util';
import {createApiClient} from '../../source/api/client.js';
import {startServerProcess} from '../../source/server/server-process.js';
import {homeWithContext} from '../commands/api-context.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';
import type {Figure} from './figure.js';
import {PtyApp} from './pty-app.js';
import type {RingMeasurement} from './logs-ring-child.js';

const repository = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repository, 'bin', 'spytui.js');
const seconds = 30;
const targetRate = 5000;
const tickMs = 100;
/** An enforcing policy with a red flag and a kill logs three events for each new deviation. */
const eventsPerDeviation = 3;
const fingerprintsPerTick = Math.ceil((targetRate * tickMs) / 1000 / eventsPerDeviation);
const policyCount = 50;
/** Between presses: a person's pace, and room for the frame a press brings. */
const pressPauseMs = 150;
const size = {columns: 160, rows: 48};

/**
 * The targets for the logs panel: the shipped bundle in a real
 * pseudo-terminal tails every policy of a server in another process that
 * ingests 5,000 events a second for 30 s, while keys are pressed. Then the
 * panel's memory over a million events, fed straight through the reducer.
 */
export default async function logsBench(): Promise<Figure[]> {
	if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) throw new Error('bundle/cli.mjs is missing: run `npm run build` first.');
	return [...(await tailingFigures()), await ringFigure()];
}

async function tailingFigures(): Promise<Figure[]> {
	const server = await startServerProcess({dataDir: tempDir('spytui-logs-bench-server-'), port: 0});
	const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.name}, {retries: 0});
	let app: PtyApp | undefined;
	try {
		for (let index = 0; index < policyCount; index++) await client.createPolicy(enforcingPolicy(index));
		// The first fingerprints pay for parsing the policies and compiling globs; the tail shows the newest 100 of them.
		const warmup = await ingest(client, 0, 200);
		let sent = 200;

		const {home, cwd} = homeWithContext(server);
		app = new PtyApp(`exec '${bin}' --refresh 3600 tail`, {env: isolatedEnv(home), cwd, size});
		await app.waitFor(text => /Logs {2}all policies/.test(text) && / 100 events ─/.test(text), 'the tail of the warm-up events', 30_000);
		await sleep(500);

		const frameOffset = app.offset;
		const start = performance.now();
		const end = start + seconds * 1000;
		let ingested = 0;
		const ingesting = (async () => {
			for (let tick = 0; start + tick * tickMs < end; tick++) {
				await sleep(start + tick * tickMs - performance.now());
				ingested += await ingest(client, sent, fingerprintsPerTick);
				sent += fingerprintsPerTick;
			}
			return (performance.now() - start) / 1000;
		})();
		const pressMs: number[] = [];
		const pressing = (async () => {
			let timestamps = true;
			while (performance.now() < end) {
				const from = app.offset;
				const pressed = app.elapsedMs();
				app.type('t');
				timestamps = !timestamps;
				const shown = `Timestamps:${timestamps ? 'On' : 'Off'}`;
				pressMs.push((await app.waitFor(text => text.includes(shown), `${shown} after pressing t`, 5000, from)) - pressed);
				await sleep(pressPauseMs);
			}
		})();
		const [ingestSeconds] = await Promise.all([ingesting, pressing]);
		const elapsed = (performance.now() - start) / 1000;
		const fps = app.frames(frameOffset) / elapsed;
		const rate = Math.round(ingested / ingestSeconds);
		const rss = app.rssBytes();
		const expected = Math.min(100, warmup) + ingested;
		const taken = await eventsTakenIn(app, expected);

		const median = percentile(pressMs, 0.5);
		return [
			{name: `events ingested per second while the app tails every policy (${policyCount} enforcing policies, server in another process)`, value: rate, unit: 'events/s', target: targetRate, better: 'higher'},
			{name: `keypress (t) to frame while ingesting, bundled app in a pty at 160x48: p99 of ${pressMs.length} (median ${median.toFixed(1)} ms)`, value: percentile(pressMs, 0.99), unit: 'ms', target: 50, better: 'lower'},
			{name: `frames per second written while ingesting (${seconds} s)`, value: fps, unit: 'fps', target: 30, better: 'lower'},
			{name: `RSS of the app after ${seconds} s of tailing ${rate} events/s`, value: rss / 1e6, unit: 'MB', target: 250, better: 'lower'},
			{name: `events the tail took in (kept + dropped) of the ${expected.toLocaleString('en')} it should have, 5 s after ingestion stopped`, value: (100 * taken) / expected, unit: '%', target: 100, better: 'higher'},
		];
	} finally {
		// q would only close the panel.
		await app?.quit('\u0003');
		await server.close();
	}
}

/** The newest 10,000 are kept and the rest counted as dropped: together, every event the panel was handed. */
async function eventsTakenIn(app: PtyApp, expected: number): Promise<number> {
	const deadline = performance.now() + 5000;
	let taken = 0;
	while (performance.now() < deadline && taken < expected) {
		await sleep(200);
		const frame = app.lastFrame();
		const number = (pattern: RegExp) => Number(pattern.exec(frame)?.[1]?.replaceAll(',', '') ?? 0);
		taken = number(/([\d,]+) events ─/) + number(/dropped ([\d,]+)/);
	}
	return taken;
}

/** The panel's memory from 100,000 to 1,000,000 events, in a process of its own. */
async function ringFigure(): Promise<Figure> {
	const child = path.join(import.meta.dirname, 'logs-ring-child.ts');
	const {stdout} = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', child], {cwd: repository, timeout: 300_000});
	const measured = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as RingMeasurement;
	const growth = (100 * (measured.rssAt1M - measured.rssAt100k)) / measured.rssAt100k;
	const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
	return {
		name: `RSS growth from 100,000 to 1,000,000 events (${mb(measured.rssAt100k)} MB to ${mb(measured.rssAt1M)} MB; events fed straight through the app's reducer in batches of 1,000, no HTTP; ${measured.kept.toLocaleString('en')} kept)`,
		value: growth,
		unit: '%',
		target: 10,
		better: 'lower',
	};
}

function enforcingPolicy(index: number) {
	return samplePolicy(`app-${index}`, {
		containerSelector: {image: `registry.example.com/app-${index}:*`},
		mode: 'enforce',
		response: {default: [{makeRedFlag: {severity: 'high'}}], actions: [{agentKillProcess: {processSelector: {name: ['tool-*']}}}]},
	});
}

/** `count` fingerprints from number `first` on, each a program its policy never ran: a new deviation each. */
async function ingest(client: ReturnType<typeof createApiClient>, first: number, count: number): Promise<number> {
	const summary = await client.ingest(Array.from({length: count}, (_, index) => fingerprint(first + index)));
	return summary.events;
}

function fingerprint(index: number) {
	const tool = `tool-${index}`;
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'container', namespace: 'bench'},
		spec: {
			containerSelector: {image: `registry.example.com/app-${index % policyCount}:1.0`, containerName: 'app', containerID: `c${index}`},
			processPolicy: [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root'], children: [{name: tool, exe: [`/usr/local/bin/${tool}`], id: `${tool}_0`}]}],
			networkPolicy: {ingress: [], egress: []},
		},
	};
}

/** A home, data dir and config of the bench's own, whose spyctl context is the bench's server. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
	// Ink draws nothing until exit when it believes it runs in CI.
	const {CI: _ci, CONTINUOUS_INTEGRATION: _continuous, NO_COLOR: _noColor, ...inherited} = process.env;
	return {...inherited, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), TERM: 'xterm-256color'};
}

/** The value below which `fraction` of the samples fall (nearest rank). */
function percentile(values: readonly number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}
