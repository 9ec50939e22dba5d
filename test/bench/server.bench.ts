import {createApiClient} from '../../source/api/client.js';
import {startServerProcess} from '../../source/server/server-process.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';
import type {Figure} from './figure.js';

const listed = 10_000;
const updates = 1000;

/**
 * Policies through the real client against the real embedded server on
 * loopback, in a process of its own as the app runs it: the figures are the
 * client's side of the work.
 */
export default async function serverBench(): Promise<Figure[]> {
	const started = await startServerProcess({dataDir: tempDir('spytui-server-'), port: 0});
	const server = {...started, client: createApiClient({apiUrl: started.url, apiKey: started.token, organization: started.org.name}, {retries: 0})};
	try {
		const orgUid = await server.client.org();
		// Seed through the store: the figure is about listing, not about 10,000 creates.
		const seeded = await Promise.all(Array.from({length: 20}, (_, index) => server.client.createPolicy(samplePolicy(`seed-${index}`))));
		const template = await server.client.getPolicy(seeded[0]!);
		await bulkCreate(server.url, server.token, orgUid, listed - seeded.length, template.policy);

		// A client of its own for each run: a client that has the list already is answered 304 (measured apart, below).
		const freshClient = () => createApiClient({apiUrl: started.url, apiKey: started.token, organization: orgUid}, {retries: 0});
		await freshClient().org();
		const listTimes: number[] = [];
		const unchangedTimes: number[] = [];
		// Nine runs: on a 2-core VM a warm list takes 70 ms when the heap has room for it, and 150-190 when each of
		// its 3,000 new pages must be faulted in (16 µs a page here); of five runs, the first of them cold, two such
		// outliers set the median.
		for (let run = 0; run < 9; run++) {
			const client = freshClient();
			let start = performance.now();
			const policies = await client.listPolicies();
			listTimes.push(performance.now() - start);
			if (policies.length !== listed) throw new Error(`expected ${listed} policies, listed ${policies.length}`);
			start = performance.now();
			if ((await client.listPolicies()) !== policies) throw new Error('an unchanged list was parsed again');
			unchangedTimes.push(performance.now() - start);
		}

		let policy = template.policy;
		const start = performance.now();
		for (let index = 0; index < updates; index++) {
			policy.spec['mode'] = index % 2 ? 'audit' : 'enforce';
			policy = (await server.client.updatePolicy(policy)).policy;
		}
		const updateSeconds = (performance.now() - start) / 1000;

		return [
			{name: `list ${listed.toLocaleString('en')} policies through the client`, value: median(listTimes), unit: 'ms', target: 150, better: 'lower'},
			{name: `list the same ${listed.toLocaleString('en')} policies again, unchanged (304 to its entity tag), as the app's refresh does`, value: median(unchangedTimes), unit: 'ms', target: 150, better: 'lower'},
			{name: `${updates.toLocaleString('en')} sequential policy updates through the client`, value: updateSeconds, unit: 's', target: 5, better: 'lower'},
		];
	} finally {
		await server.close();
	}
}

async function bulkCreate(url: string, token: string, orgUid: string, count: number, base: {metadata: Record<string, unknown>; spec: Record<string, unknown>}): Promise<void> {
	const headers = {authorization: `Bearer ${token}`, 'content-type': 'application/json'};
	const batch = 50;
	for (let offset = 0; offset < count; offset += batch) {
		await Promise.all(
			Array.from({length: Math.min(batch, count - offset)}, async (_, index) => {
				const name = `bulk-${offset + index}`;
				const {uid: _uid, version: _version, ...metadata} = base.metadata;
				const body = JSON.stringify({policy: {...samplePolicy(name), metadata: {...metadata, name}}});
				const response = await fetch(`${url}/api/v1/org/${orgUid}/analyticspolicy/`, {method: 'POST', headers, body});
				if (!response.ok) throw new Error(`create failed: ${response.status} ${await response.text()}`);
			}),
		);
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}
