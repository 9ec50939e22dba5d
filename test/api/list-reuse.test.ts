import {afterAll, beforeAll, expect, test} from 'vitest';
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

test('an unchanged list comes back as the same array; a change, another query or another client parses anew', async () => {
	const uid = await server.client.createPolicy(samplePolicy('reused'));
	const first = await server.client.listPolicies();
	expect(await server.client.listPolicies()).toBe(first);

	const containers = await server.client.listPolicies({type: 'container'});
	expect(containers).not.toBe(first);
	expect(containers.map(policy => policy.uid)).toEqual(first.filter(policy => policy.type === 'container').map(policy => policy.uid));

	const current = first.find(policy => policy.uid === uid)!;
	await server.client.updatePolicy({...current.policy, spec: {...current.policy.spec, mode: 'enforce'}});
	const changed = await server.client.listPolicies();
	expect(changed).not.toBe(first);
	expect(changed.find(policy => policy.uid === uid)?.policy.spec['mode']).toBe('enforce');
	expect(await server.client.listPolicies()).toBe(changed);
});

test('the client sends back the list\'s entity tag, so an unchanged list does not travel again', async () => {
	const tags: Array<string | undefined> = [];
	const proxy = await startFaultProxy(server.url, request => {
		if (request.url?.includes('/analyticspolicy/')) tags.push(request.headers['if-none-match'] as string | undefined);
		return 'pass';
	});
	try {
		const client = createApiClient({apiUrl: proxy.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
		const first = await client.listPolicies();
		expect(await client.listPolicies()).toBe(first);
		expect(tags).toHaveLength(2);
		expect(tags[0]).toBeUndefined();
		expect(tags[1]).toMatch(/^"[\w-]+"$/);
	} finally {
		await proxy.close();
	}
});

test('a list answer that is not JSON is a protocol error that says so, not a crash', async () => {
	const proxy = await startFaultProxy(server.url, request => (request.url?.includes('/analyticspolicy/') ? 'not-json' : 'pass'));
	try {
		const client = createApiClient({apiUrl: proxy.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
		await expect(client.listPolicies()).rejects.toMatchObject({kind: 'protocol', message: expect.stringMatching(/^listing policies failed: .*JSON/) as unknown});
	} finally {
		await proxy.close();
	}
});
