import got, {HTTPError, RequestError} from 'got';
import {toYaml} from '../policy/dump.js';

export type WebhookTemplate = 'json' | 'yaml' | 'slack';

/** What a policy's response reports: one deviation and what was done about it. */
export type WebhookEvent = {
	id: string;
	time: number;
	policyUid: string;
	policyName: string;
	severity?: string;
	message: string;
	record: Record<string, unknown>;
};

export type WebhookResult = {ok: true; attempts: number; status: number} | {ok: false; attempts: number; error: string};

export type WebhookOptions = {retries?: number; timeoutMs?: number; retryBaseDelay?: number};

/**
 * Sends a webhook action's notification. Receivers are expected to cope with a
 * repeat, so unlike API writes a failed delivery is tried again (network
 * errors, 429 and 5xx) before it is reported as failed.
 */
export async function deliverWebhook(url: string, template: WebhookTemplate, event: WebhookEvent, options: WebhookOptions = {}): Promise<WebhookResult> {
	let attempts = 0;
	const base = options.retryBaseDelay ?? 500;
	try {
		const response = await got.post(url, {
			...body(template, event),
			timeout: {request: options.timeoutMs ?? 10_000},
			retry: {
				limit: options.retries ?? 3,
				methods: ['POST'],
				calculateDelay: ({attemptCount, computedValue}) => (computedValue === 0 ? 0 : base * 2 ** (attemptCount - 1) * (0.5 + Math.random() / 2)),
			},
			hooks: {beforeRequest: [() => void attempts++]},
		});
		return {ok: true, attempts, status: response.statusCode};
	} catch (error) {
		if (error instanceof HTTPError) return {ok: false, attempts, error: `${error.response.statusCode} ${error.response.statusMessage ?? ''}`.trim()};
		if (error instanceof RequestError) return {ok: false, attempts, error: error.code ?? 'network error'};
		return {ok: false, attempts, error: String(error)};
	}
}

function body(template: WebhookTemplate, event: WebhookEvent): {body: string; headers: Record<string, string>} | {json: unknown} {
	switch (template) {
		case 'json':
			return {json: event.record};
		case 'yaml':
			return {body: toYaml(event.record), headers: {'content-type': 'application/yaml'}};
		case 'slack':
			return {json: slackMessage(event)};
	}
}

/** Slack's incoming-webhook shape: a plain `text` fallback plus a block with the details. */
function slackMessage(event: WebhookEvent): Record<string, unknown> {
	const severity = event.severity ? `[${event.severity.toUpperCase()}] ` : '';
	const text = `${severity}Spyderbat policy "${event.policyName}" (${event.policyUid}): ${event.message}`;
	return {
		text,
		blocks: [
			{type: 'section', text: {type: 'mrkdwn', text: `*${severity}${event.policyName}*\n${event.message}`}},
			{type: 'context', elements: [{type: 'mrkdwn', text: `${event.policyUid} · ${new Date(event.time * 1000).toISOString()} · ${event.id}`}]},
		],
	};
}
