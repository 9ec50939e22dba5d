import {type ChildProcess, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {readOrCreateToken} from '../../source/server/data-dir.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';

const repository = path.resolve(import.meta.dirname, '../..');

/** The built `spytui serve` as its own process (npm test builds first), so that it can be killed like a crashing server. */
async function serve(dataDir: string): Promise<{child: ChildProcess; url: string}> {
	if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) throw new Error('bundle/cli.mjs is missing: run `npm run build` first (npm test does).');
	const child = spawn(process.execPath, ['bin/spytui.js', 'serve', '--port', '0', '--data-dir', dataDir], {cwd: repository, stdio: ['ignore', 'ignore', 'pipe']});
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		child.stderr!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /server on (http:\/\/\S+)/.exec(output);
			if (match) resolve(match[1]!);
		});
		child.once('exit', code => reject(new Error(`serve exited with ${code}: ${output}`)));
	});
	return {child, url};
}

function stopped(child: ChildProcess): Promise<void> {
	return new Promise(resolve => (child.exitCode === null && child.signalCode === null ? child.once('exit', () => resolve()) : resolve()));
}

describe('a server killed mid-write', () => {
	test('loses no acknowledged write after a restart on the same data dir', async () => {
		const dataDir = tempDir('spytui-durability-');
		const token = readOrCreateToken(dataDir);
		const first = await serve(dataDir);
		const client = createApiClient({apiUrl: first.url, apiKey: token, organization: 'spytui local'}, {retries: 0});
		const uid = await client.createPolicy(samplePolicy('durable'));
		let acknowledged = 1;
		let policy = (await client.getPolicy(uid)).policy;
		const writer = (async () => {
			for (;;) {
				policy.spec['mode'] = policy.spec['mode'] === 'audit' ? 'enforce' : 'audit';
				try {
					policy = (await client.updatePolicy(policy)).policy;
					acknowledged = Number(policy.metadata['version']);
				} catch {
					return;
				}
			}
		})();
		// Let a few dozen updates land, then kill the server with requests in flight.
		while (acknowledged < 25) await new Promise(resolve => setTimeout(resolve, 5));
		first.child.kill('SIGKILL');
		await Promise.all([writer, stopped(first.child)]);

		const second = await serve(dataDir);
		try {
			const restarted = createApiClient({apiUrl: second.url, apiKey: token, organization: 'spytui local'}, {retries: 0});
			const stored = await restarted.getPolicy(uid);
			expect(stored.version).toBeGreaterThanOrEqual(acknowledged);
			const versions = (await restarted.listPolicies({from_archive: true, name_equals: 'durable'})).map(entry => entry.version);
			expect(versions).toEqual(Array.from({length: stored.version!}, (_, index) => index + 1));
		} finally {
			second.child.kill('SIGTERM');
			await stopped(second.child);
		}
	});

	test('SIGTERM finishes and exits 0', async () => {
		const server = await serve(tempDir('spytui-sigterm-'));
		const exited = new Promise<string>(resolve => server.child.once('exit', (code, signal) => resolve(signal ?? String(code))));
		server.child.kill('SIGTERM');
		expect(await exited).toBe('0');
	});
});
