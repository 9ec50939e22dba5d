import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {startServerInWorker, type WorkerServer} from '../../source/server/worker-host.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';

describe('the embedded server on a thread of its own', () => {
	let server: WorkerServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	it('serves the same API, and what was written is there after it closes and starts again', async () => {
		const dataDir = tempDir('spytui-worker-');
		server = await startServerInWorker({dataDir, port: 0});
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(fs.statSync(server.tokenFile).mode & 0o777).toBe(0o600);
		const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.name}, {retries: 0});
		const uid = await client.createPolicy(samplePolicy('threaded'));
		await server.close();

		server = await startServerInWorker({dataDir, port: 0});
		const again = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
		expect((await again.listPolicies()).map(policy => policy.uid)).toEqual([uid]);
	});

	it('closing twice waits for the same close', async () => {
		server = await startServerInWorker({dataDir: tempDir('spytui-worker-'), port: 0});
		const first = server.close();
		expect(server.close()).toBe(first);
		await first;
		server = undefined;
	});

	it('a server that cannot start says why, with the error code of the cause', async () => {
		server = await startServerInWorker({dataDir: tempDir('spytui-worker-'), port: 0});
		const port = Number(new URL(server.url).port);
		const failure = startServerInWorker({dataDir: tempDir('spytui-worker-'), port});
		await expect(failure).rejects.toMatchObject({code: 'EADDRINUSE'});
	});

	it('a data dir that cannot be made is reported, not left hanging', async () => {
		const file = path.join(tempDir('spytui-worker-'), 'not-a-dir');
		fs.writeFileSync(file, 'x');
		await expect(startServerInWorker({dataDir: path.join(file, 'data'), port: 0})).rejects.toThrow(/not-a-dir/);
	});
});
