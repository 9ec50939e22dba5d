import {setTimeout as sleep} from 'node:timers/promises';
import {deliverWebhook, type WebhookOptions, type WebhookResult} from '../api/webhook.js';
import {origin, type WebhookJob} from './evaluate/action-events.js';
import type {RecordStore} from './store/records.js';

/** How one webhook went, as the ingest answer reports it with `?wait=true`. */
export type DeliveryReport = {
	policy_uid: string;
	ref: string;
	destination: string;
	template: string;
	ok: boolean;
	attempts: number;
	status?: number;
	error?: string;
};

export type WebhookDeliveryOptions = {
	/** Retries, timeout and backoff of each delivery (deliverWebhook's defaults otherwise). */
	webhook?: WebhookOptions;
	/** Deliveries in flight at once; a burst of deviations queues rather than opening hundreds of connections. */
	concurrency?: number;
	/** How long closing the server waits for deliveries in flight before it gives up on their outcome events. */
	closeGraceMs?: number;
	send?: typeof deliverWebhook;
};

/**
 * Sends the webhooks of enforcing policies' new deviations, after the
 * deviation is committed and without holding up the ingest answer. Each
 * delivery is retried by deliverWebhook (network errors, 429, 5xx), then its
 * outcome is logged as a `guardian_action` event: delivered or failed.
 */
export function webhookDeliveries(records: RecordStore, now: () => number, options: WebhookDeliveryOptions = {}) {
	const send = options.send ?? deliverWebhook;
	const concurrency = options.concurrency ?? 8;
	const pending = new Set<Promise<DeliveryReport>>();
	const waiting: Array<(go: boolean) => void> = [];
	let active = 0;
	let closed = false;

	/** Starts the deliveries; the promise settles when all of them have, with their outcome events stored. */
	function dispatch(jobs: readonly WebhookJob[]): Promise<DeliveryReport[]> {
		return Promise.all(
			jobs.map(job => {
				const delivery = deliver(job);
				pending.add(delivery);
				void delivery.finally(() => pending.delete(delivery));
				return delivery;
			}),
		);
	}

	async function deliver(job: WebhookJob): Promise<DeliveryReport> {
		const report = {policy_uid: job.outcome.policy_uid ?? '', ref: String(job.outcome['ref']), destination: origin(job.url), template: job.template};
		if (!(await slot())) return {...report, ok: false, attempts: 0, error: 'the server closed before the webhook was sent'};
		let result: WebhookResult;
		try {
			result = await send(job.url, job.template, job.payload, options.webhook);
		} catch (error) {
			result = {ok: false, attempts: 1, error: error instanceof Error ? error.message : String(error)};
		} finally {
			release();
		}
		const delivered: DeliveryReport = result.ok ? {...report, ok: true, attempts: result.attempts, status: result.status} : {...report, ok: false, attempts: result.attempts, error: result.error};
		if (closed) return delivered;
		try {
			records.insertEvent(outcomeEvent(job, result, now()));
		} catch (error) {
			// Nobody awaits a delivery but `?wait=true`: a failed write must not become an unhandled rejection.
			return {...delivered, error: `${delivered.error ?? 'delivered'}; its log event was not stored: ${error instanceof Error ? error.message : String(error)}`};
		}
		return delivered;
	}

	function slot(): Promise<boolean> {
		if (closed) return Promise.resolve(false);
		if (active < concurrency) {
			active++;
			return Promise.resolve(true);
		}
		return new Promise(resolve => waiting.push(resolve));
	}

	function release(): void {
		const next = waiting.shift();
		if (next) next(true);
		else active--;
	}

	/** Resolves once every delivery started so far has finished and logged its outcome. */
	async function settled(): Promise<void> {
		while (pending.size > 0) await Promise.allSettled([...pending]);
	}

	/** Lets deliveries in flight finish for a while, then drops the rest: the database is about to close. */
	async function close(): Promise<void> {
		await Promise.race([settled(), sleep(options.closeGraceMs ?? 3000, undefined, {ref: false})]);
		closed = true;
		for (const resolve of waiting.splice(0)) resolve(false);
	}

	return {dispatch, settled, close};
}

export type WebhookDeliveries = ReturnType<typeof webhookDeliveries>;

function outcomeEvent(job: WebhookJob, result: WebhookResult, time: number) {
	const attempts = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
	const what = `${job.template} webhook to ${origin(job.url)}`;
	const about = job.payload.message;
	if (result.ok) {
		return {...job.outcome, time, severity: 'info', outcome: 'delivered', attempts: result.attempts, status: result.status, message: `Delivered the ${what} (HTTP ${result.status}, ${attempts}): ${about}`};
	}
	return {...job.outcome, time, severity: 'medium', outcome: 'failed', attempts: result.attempts, error: result.error, message: `Failed to deliver the ${what} after ${attempts} (${result.error}): ${about}`};
}
