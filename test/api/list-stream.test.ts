import {afterAll, beforeAll, expect, test} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {type Fault, startFaultProxy} from '../helpers/fault-proxy.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';

/** Enough policies that the list arrives in many reads: the client reads it as it comes. */
const count = 400;
let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
	for (let offset = 0; offset < count; offset += 50) {
		await Promise.all(Array.from({length: 50}, async (_, index) => server.client.createPolicy(samplePolicy(`streamed-${offset + index}`))));
	}
});
afterAll(async () => {
	await server.close();
});

async function withProxy(plan: (url: string, index: number) => Fault, check: (client: ReturnType<typeof createApiClient>, seen: Array<{url: string; fault: Fault}>) => Promise<void>) {
	const proxy = await startFaultProxy(server.url, (request, index) => plan(request.url ?? '', index));
	try {
		await check(createApiClient({apiUrl: proxy.url, apiKey: server.token, organization: server.org.uid}, {retries: 2, retryBaseDelay: 1}), proxy.seen);
	} finally {
		await proxy.close();
	}
}

const isList = (url: string) => url.includes('/analyticspolicy/');

test('a list whose connection drops halfway is read again from the start: every policy once', async () => {
	const expected = (await server.client.listPolicies()).map(policy => policy.uid);
	expect(expected.length).toBeGreaterThanOrEqual(count);
	let cuts = 0;
	await withProxy(
		url => (isList(url) && cuts++ === 0 ? 'cut' : 'pass'),
		async (client, seen) => {
			const policies = await client.listPolicies();
			expect(policies.map(policy => policy.uid)).toEqual(expected);
			expect(seen.filter(entry => isList(entry.url)).map(entry => entry.fault)).toEqual(['cut', 'pass']);
		},
	);
});

test('from a server without entity tags, an unchanged list is known by its bytes and comes back as the same array', async () => {
	await withProxy(
		() => 'no-etag',
		async client => {
			const first = await client.listPolicies();
			expect(await client.listPolicies()).toBe(first);
			const changed = first[0]!;
			await server.client.updatePolicy({...changed.policy, spec: {...changed.policy.spec, mode: 'enforce'}});
			const second = await client.listPolicies();
			expect(second).not.toBe(first);
			expect(second.find(policy => policy.uid === changed.uid)?.policy.spec['mode']).toBe('enforce');
			expect(second.map(policy => policy.uid)).toEqual(first.map(policy => policy.uid));
		},
	);
});

test('a server that asks for a longer wait than the client makes is not retried, and its words are kept', async () => {
	await withProxy(
		url => (isList(url) ? '503-wait' : 'pass'),
		async (client, seen) => {
			await expect(client.listPolicies()).rejects.toMatchObject({kind: 'server', details: {status: 503}, message: expect.stringContaining('try again') as unknown});
			expect(seen.filter(entry => isList(entry.url))).toHaveLength(1);
		},
	);
});

test('a JSON answer that is not a list says so', async () => {
	await withProxy(
		url => (isList(url) ? 'not-a-list' : 'pass'),
		async client => {
			await expect(client.listPolicies()).rejects.toMatchObject({kind: 'protocol', message: 'listing policies failed: the API did not return a list'});
		},
	);
});
