import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server.close();
});

async function failureOf(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the request to fail');
}

function clientThrough(url: string, requestTimeout = 5000) {
	return createApiClient({apiUrl: url, apiKey: server.token, organization: server.org.uid}, {retries: 3, retryBaseDelay: 1, requestTimeout});
}

describe('client retries', () => {
	test('a GET that meets 503 twice is retried and succeeds', async () => {
		const proxy = await startFaultProxy(server.url, (request, index) => (request.method === 'GET' && index < 2 ? '503' : 'pass'));
		try {
			const policies = await clientThrough(proxy.url).listPolicies();
			expect(Array.isArray(policies)).toBe(true);
			// The org lookup is the first GET: it meets both 503s, then the list goes through.
			expect(proxy.seen.map(entry => `${entry.fault} ${entry.url.split('?')[0]}`)).toEqual(['503 /api/v1/org/', '503 /api/v1/org/', 'pass /api/v1/org/', `pass /api/v1/org/${server.org.uid}/analyticspolicy/`]);
		} finally {
			await proxy.close();
		}
	});

	test('a POST that meets 503 is not retried: the create may have happened', async () => {
		const proxy = await startFaultProxy(server.url, request => (request.method === 'POST' ? '503' : 'pass'));
		try {
			await expect(clientThrough(proxy.url).createPolicy(samplePolicy('no-retry'))).rejects.toMatchObject({kind: 'server', details: {status: 503}});
			expect(proxy.seen.filter(entry => entry.method === 'POST')).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	test('a PUT that times out is not retried', async () => {
		const uid = await server.client.createPolicy(samplePolicy('slow-put'));
		const policy = (await server.client.getPolicy(uid)).policy;
		const proxy = await startFaultProxy(server.url, request => (request.method === 'PUT' ? 'hang' : 'pass'));
		try {
			await expect(clientThrough(proxy.url, 300).updatePolicy(policy)).rejects.toMatchObject({kind: 'network', message: expect.stringContaining('timed out')});
			expect(proxy.seen.filter(entry => entry.method === 'PUT')).toHaveLength(1);
		} finally {
			await proxy.close();
		}
	});

	test('a GET that times out is retried, then reported as a network error', async () => {
		const proxy = await startFaultProxy(server.url, () => 'hang');
		try {
			await expect(clientThrough(proxy.url, 200).listPolicies()).rejects.toMatchObject({kind: 'network'});
			expect(proxy.seen.length).toBe(4);
		} finally {
			await proxy.close();
		}
	});

	test('a refused connection is a network error that names the host, never the key', async () => {
		const client = createApiClient({apiUrl: 'http://127.0.0.1:1', apiKey: server.token, organization: 'x'}, {retries: 1, retryBaseDelay: 1});
		const error = await failureOf(client.listPolicies());
		expect(error).toMatchObject({kind: 'network', message: expect.stringContaining('connection refused (127.0.0.1:1)')});
		expect(JSON.stringify({...error, message: error.message})).not.toContain(server.token);
	});

	test('a wrong key is an auth error without the key in it', async () => {
		const client = createApiClient({apiUrl: server.url, apiKey: 'not-the-key-but-long-enough', organization: server.org.uid});
		const error = await failureOf(client.listPolicies());
		expect(error).toMatchObject({kind: 'auth'});
		expect(error.message).not.toContain('not-the-key-but-long-enough');
	});

	test('an unknown organization name says so', async () => {
		const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: 'Nobody Inc'});
		await expect(client.listPolicies()).rejects.toMatchObject({kind: 'not-found', message: expect.stringContaining("'Nobody Inc'")});
	});
});
