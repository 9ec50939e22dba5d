import {setImmediate as nextTurn} from 'node:timers/promises';
import type {FastifyInstance} from 'fastify';
import {type DeliveryReport, type WebhookDeliveryOptions, webhookDeliveries} from '../actions.js';
import type {ServerContext} from '../context.js';
import {fingerprintsOfBody} from '../evaluate/ingest-body.js';
import {ingestion} from '../evaluate/ingestion.js';
import {agentKills, type KillOptions} from '../kill-actions.js';
import type {PolicyStore} from '../store/policies.js';
import type {RecordStore} from '../store/records.js';

/**
 * Fingerprints evaluated and committed together. A long batch gives way to
 * other requests between runs (a run takes some 20 ms), and one
 * commit per run rather than per fingerprint is most of the throughput.
 */
const runLength = 100;

/**
 * `POST /api/v1/org/{org}/ingest/` (spytui's own extension): fingerprints
 * in, evaluated against the org's enabled policies. The answer counts what
 * was stored: `{fingerprints, deviations, events}` (new deviations only; a
 * deviation seen before adds nothing). Webhooks of enforcing policies are
 * sent after each fingerprint's commit and do not hold up the answer, unless
 * the query says `?wait=true`: then the answer waits for them and lists how
 * each went under `webhooks`. Kills of this host's processes are carried out
 * (or described, without `allowKill`) after the commit, before the answer;
 * their log events are counted in it.
 */
export function ingestRoutes(app: FastifyInstance, context: ServerContext, policies: PolicyStore, records: RecordStore, options: WebhookDeliveryOptions & KillOptions = {}): void {
	const engine = ingestion(context.org.uid, policies, records);
	const deliveries = webhookDeliveries(records, () => context.actor().now, options);
	const kills = agentKills(records, options);
	app.addHook('onClose', async () => deliveries.close());

	app.post('/api/v1/org/:org/ingest/', async request => {
		context.checkOrg(request.params);
		const fingerprints = fingerprintsOfBody(request.body);
		const summary = {fingerprints: 0, deviations: 0, events: 0};
		const sent: Array<Promise<DeliveryReport[]>> = [];
		for (let start = 0; start < fingerprints.length; start += runLength) {
			if (start > 0) await nextTurn();
			const outcome = engine.ingest(fingerprints.slice(start, start + runLength), context.actor().now);
			summary.fingerprints += outcome.fingerprints;
			summary.deviations += outcome.deviations;
			summary.events += outcome.events + kills.carryOut(outcome.kills, context.actor().now);
			if (outcome.webhooks.length > 0) sent.push(deliveries.dispatch(outcome.webhooks));
		}
		if (!waitRequested(request.query)) return summary;
		return {...summary, webhooks: (await Promise.all(sent)).flat()};
	});
}

function waitRequested(query: unknown): boolean {
	const wait = (query as Record<string, unknown> | undefined)?.['wait'];
	return typeof wait === 'string' && /^(true|1|yes)$/i.test(wait);
}
