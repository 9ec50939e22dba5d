import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {homeWithContext} from '../commands/api-context.js';
import {samplePolicy, startTestServer} from '../helpers/server.js';
import type {Figure} from './figure.js';

const repository = path.resolve(import.meta.dirname, '../..');
const policyCount = 1000;
const runs = 7;

/** `spytui get policies` as a user runs it: a new process each time, the bundled bin, a context pointing at a server with 1,000 policies. */
export default async function cliBench(): Promise<Figure[]> {
	if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) throw new Error('bundle/cli.mjs is missing: run `npm run build` first');
	const server = await startTestServer();
	try {
		for (let offset = 0; offset < policyCount; offset += 50) {
			await Promise.all(Array.from({length: 50}, (_, index) => server.client.createPolicy(samplePolicy(`cli-${offset + index}`))));
		}
		const {home, cwd} = homeWithContext(server);
		const times: number[] = [];
		for (let run = 0; run < runs; run++) {
			// The server answers from this process's event loop, so the child runs asynchronously.
			const started = performance.now();
			const result = await runChild(['bin/spytui.js', 'get', 'policies'], {HOME: home}, cwd);
			times.push(performance.now() - started);
			if (result.code !== 0 || result.lines !== policyCount + 1) throw new Error(`get policies failed (exit ${result.code}, ${result.lines} lines): ${result.stderr}`);
		}
		times.sort((a, b) => a - b);
		return [{name: `spytui get policies (${policyCount} policies, cold process, wall)`, value: times[Math.floor(times.length / 2)]!, unit: 'ms', target: 600, better: 'lower'}];
	} finally {
		await server.close();
	}
}

async function runChild(argv: string[], env: Record<string, string>, cwd: string): Promise<{code: number | null; lines: number; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, argv.map(arg => (arg.startsWith('bin/') ? path.join(repository, arg) : arg)), {cwd, env: {PATH: process.env['PATH'] ?? '', ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', reject);
		child.once('exit', code => resolve({code, lines: stdout.trimEnd().split('\n').length, stderr}));
	});
}
