import {spawn} from 'node:child_process';
import fs from 'node:fs';
import {createInterface} from 'node:readline';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {type ProcessServer, serverLogPath, startServerProcess} from '../../source/server/server-process.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';

describe('the embedded server in a process of its own', () => {
	let server: ProcessServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	it('serves the same API, and what was written is there after it closes and starts again', async () => {
		const dataDir = tempDir('spytui-server-process-');
		server = await startServerProcess({dataDir, port: 0});
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(fs.statSync(server.tokenFile).mode & 0o777).toBe(0o600);
		const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.name}, {retries: 0});
		const uid = await client.createPolicy(samplePolicy('threaded'));
		await server.close();

		server = await startServerProcess({dataDir, port: 0});
		const again = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
		expect((await again.listPolicies()).map(policy => policy.uid)).toEqual([uid]);
	});

	it('closing twice waits for the same close', async () => {
		server = await startServerProcess({dataDir: tempDir('spytui-server-process-'), port: 0});
		const first = server.close();
		expect(server.close()).toBe(first);
		await first;
		server = undefined;
	});

	it('a server that cannot start says why, with the error code of the cause', async () => {
		server = await startServerProcess({dataDir: tempDir('spytui-server-process-'), port: 0});
		const port = Number(new URL(server.url).port);
		const failure = startServerProcess({dataDir: tempDir('spytui-server-process-'), port});
		await expect(failure).rejects.toMatchObject({code: 'EADDRINUSE'});
	});

	it('a data dir that cannot be made is reported, not left hanging', async () => {
		const file = path.join(tempDir('spytui-server-process-'), 'not-a-dir');
		fs.writeFileSync(file, 'x');
		await expect(startServerProcess({dataDir: path.join(file, 'data'), port: 0})).rejects.toThrow(/not-a-dir/);
	});

	it('writes what it prints to server.log in its data dir (owner only), not across the app\'s terminal', async () => {
		const dataDir = tempDir('spytui-server-process-');
		const before = process.env['NODE_DEBUG'];
		// Node's own debug output of the server's listen: something the process surely writes to stderr.
		process.env['NODE_DEBUG'] = 'net';
		try {
			server = await startServerProcess({dataDir, port: 0});
		} finally {
			if (before === undefined) delete process.env['NODE_DEBUG'];
			else process.env['NODE_DEBUG'] = before;
		}
		await server.close();
		server = undefined;
		expect(fs.readFileSync(serverLogPath(dataDir), 'utf8')).toMatch(/^NET \d+: /m);
		expect(fs.statSync(serverLogPath(dataDir)).mode & 0o777).toBe(0o600);
	});

	it('closing a server whose process already died resolves: the app can still quit', async () => {
		server = await startServerProcess({dataDir: tempDir('spytui-server-process-'), port: 0});
		process.kill(server.pid, 'SIGKILL');
		await expect.poll(() => isRunning(server!.pid), {timeout: 10_000, interval: 50}).toBe(false);
		await server.close();
		server = undefined;
	});

	it('closes by itself when the app that started it dies without closing it', async () => {
		const dataDir = tempDir('spytui-server-process-');
		const owner = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'server-process-owner.ts'), dataDir], {stdio: ['ignore', 'pipe', 'inherit']});
		const line = await new Promise<string>(resolve => createInterface({input: owner.stdout}).once('line', resolve));
		const started = JSON.parse(line) as {pid: number; url: string; token: string; org: string};
		const client = createApiClient({apiUrl: started.url, apiKey: started.token, organization: started.org}, {retries: 0});
		const uid = await client.createPolicy(samplePolicy('orphaned'));
		owner.kill('SIGKILL');
		await expect.poll(() => isRunning(started.pid), {timeout: 10_000, interval: 50}).toBe(false);

		server = await startServerProcess({dataDir, port: 0});
		const again = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
		expect((await again.listPolicies()).map(policy => policy.uid)).toEqual([uid]);
	});
});

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
