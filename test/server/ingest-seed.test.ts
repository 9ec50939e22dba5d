import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {validateObject} from '../../source/policy/validate.js';
import {demoFingerprints} from '../../source/server/seed-activity.js';
import {startServer} from '../../source/server/start.js';
import {startTestServer, type TestServer} from '../helpers/server.js';

const now = 1_760_000_000;
const day = {startTime: now - 86_400, endTime: now + 1};

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer({seed: true, clock: () => now});
});
afterAll(async () => server.close());

const uidOf = async (name: string) => (await server.client.listPolicies({name_equals: name}))[0]!.uid;

describe('a new demo org has deviations and policy logs on its first run', () => {
	test('the demo fingerprints are valid, recent, and stored', async () => {
		for (const fingerprint of demoFingerprints(now)) expect(validateObject(fingerprint)).toEqual([]);
		expect(await server.client.fingerprints(day)).toHaveLength(demoFingerprints(now).length);
	});

	test('each example policy gets the deviations its workload shows; the disabled one and the well-behaved one none', async () => {
		const counts: Record<string, number> = {};
		for (const name of ['payments-api', 'web-frontend', 'bastion-sshd', 'postgresql-16', 'legacy-reporting-cron', 'redis-cache']) {
			counts[name] = (await server.client.deviations(await uidOf(name), day)).length;
		}
		expect(counts).toEqual({'payments-api': 3, 'web-frontend': 1, 'bastion-sshd': 1, 'postgresql-16': 1, 'legacy-reporting-cron': 0, 'redis-cache': 0});
	});

	test('the logs show audit and enforce at work: flags, a requested kill, and what audit would have done', async () => {
		const bastion = await server.client.policyLogs(await uidOf('bastion-sshd'), day);
		expect(bastion.map(event => [event['schema'], event['severity']])).toEqual([
			['event_log:guardian_deviation:1.0.0', 'critical'],
			['event_log:guardian_flag:1.0.0', 'critical'],
			['event_log:guardian_action:1.0.0', 'info'],
		]);
		expect(bastion[2]!.message).toMatch(/^Requested: kill the process group of process "nc"/);
		const payments = await server.client.policyLogs(await uidOf('payments-api'), day);
		expect(payments.map(event => event.message)).toContain('Audit mode: would send a slack webhook to https://hooks.slack.com: Process "sh" using executable "/usr/bin/dash" deviated from policy "payments-api".');
	});

	test('a restart on the same data dir does not seed again', async () => {
		await server.close();
		const again = await startServer({dataDir: server.dataDir, port: 0, seed: true, clock: () => now + 60});
		try {
			expect(again.records.list('deviations', {orgUid: again.org.uid, start: 0, end: now + 3600})).toHaveLength(6);
		} finally {
			await again.close();
		}
	});
});
