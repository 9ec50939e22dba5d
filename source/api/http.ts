import got, {type Got, HTTPError, RequestError, type RetryOptions} from 'got';
import {redactSecrets} from '../config/redact.js';
import {ApiRequestError, type ApiErrorKind} from './errors.js';

export type HttpOptions = {
	/** Milliseconds. spyctl waits 30 s to connect and 300 s to read; a TUI should fail sooner. */
	connectTimeout?: number;
	requestTimeout?: number;
	retries?: number;
	/** First retry delay in ms; later ones double, with jitter. */
	retryBaseDelay?: number;
};

const retryableStatuses = [408, 429, 500, 502, 503, 504, 521, 522, 524];

/** When a failed read is tried again, and after how long. */
export type RetryPolicy = {
	limit: number;
	statuses: readonly number[];
	/** Milliseconds before the next attempt, or undefined when the server asks for a longer wait than the client will make. */
	delay(attemptCount: number, retryAfter: string | undefined): number | undefined;
};

const maxRetryAfter = 30_000;

export function retryPolicy(options: HttpOptions = {}): RetryPolicy {
	const base = options.retryBaseDelay ?? 250;
	return {
		limit: options.retries ?? 3,
		statuses: retryableStatuses,
		delay(attemptCount, retryAfter) {
			const seconds = Number(retryAfter);
			if (retryAfter !== undefined && Number.isFinite(seconds) && seconds > 0) return seconds * 1000 > maxRetryAfter ? undefined : seconds * 1000;
			const exponential = base * 2 ** (attemptCount - 1);
			return exponential / 2 + Math.random() * (exponential / 2);
		},
	};
}

/**
 * The one HTTP client. Only reads are retried: a create or update that timed
 * out may already have happened, and sending it again would duplicate it or
 * trip the version check.
 */
export function createHttp(baseUrl: string, apiKey: string, options: HttpOptions = {}): Got {
	const policy = retryPolicy(options);
	const retry: Partial<RetryOptions> = {
		limit: policy.limit,
		methods: ['GET'],
		statusCodes: [...policy.statuses],
		maxRetryAfter,
		calculateDelay: ({attemptCount, error, computedValue}) => (computedValue === 0 ? 0 : (policy.delay(attemptCount, headerText(error.response?.headers['retry-after'])) ?? 0)),
	};
	return got.extend({
		prefixUrl: baseUrl.replace(/\/+$/, ''),
		headers: {authorization: `Bearer ${apiKey}`, accept: 'application/json'},
		timeout: {connect: options.connectTimeout ?? 10_000, request: options.requestTimeout ?? 60_000},
		retry,
		throwHttpErrors: true,
	});
}

type JsonRequest = {searchParams?: Record<string, string | number | boolean>; json?: unknown};

/**
 * A request answered with JSON. got's .json() decodes the body twice (into
 * response.body as text, then again for the parse); on a list of 10,000
 * policies, or a live tail's pages of events, that second decode cost as much
 * as the parse itself. A buffer is decoded once.
 */
export async function requestJson(http: Got, method: 'get' | 'post' | 'put', path: string, request: JsonRequest = {}): Promise<unknown> {
	return parseJsonBody(await requestBody(http, method, path, request));
}

async function requestBody(http: Got, method: 'get' | 'post' | 'put', path: string, request: JsonRequest = {}): Promise<Buffer> {
	return http[method](path, {
		responseType: 'buffer',
		resolveBodyOnly: true,
		...(request.searchParams ? {searchParams: request.searchParams} : {}),
		...(request.json === undefined ? {} : {json: request.json}),
	});
}

function parseJsonBody(body: Buffer): unknown {
	return JSON.parse(body.toString('utf8')) as unknown;
}

/** Turns got's failures into ApiRequestError, keeping the server's own words and trace id. */
export function toApiError(error: unknown, what: string): ApiRequestError {
	if (error instanceof ApiRequestError) return error;
	if (error instanceof HTTPError) return statusError(what, {status: error.response.statusCode, statusMessage: error.response.statusMessage, headers: error.response.headers, body: error.response.body});
	if (error instanceof RequestError) {
		// got's own messages can quote request options; build ours from the code alone.
		const reason = error.code === 'ETIMEDOUT' ? 'timed out' : error.code === 'ECONNREFUSED' ? 'connection refused' : (error.code ?? 'network error');
		return new ApiRequestError('network', `${what} failed: ${reason} (${hostOf(error)})`, {});
	}
	return new ApiRequestError('protocol', redactSecrets(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
}

/** A status the server answered with, as it came: the body as text, or a buffer when the request asked for one. */
export type StatusAnswer = {status: number; statusMessage?: string; headers: Record<string, string | string[] | undefined>; body: unknown};

/** A failure status as an ApiRequestError, keeping the server's own words and trace id. */
export function statusError(what: string, answer: StatusAnswer): ApiRequestError {
	const {status} = answer;
	const contextUid = headerText(answer.headers['x-context-uid']);
	const text = bodyText(answer.body);
	const body = parseBody(text);
	const serverMessage = typeof body['err_msg'] === 'string' ? body['err_msg'] : typeof body['msg'] === 'string' ? body['msg'] : shortText(text);
	const message = redactSecrets(`${what} failed: ${status} ${answer.statusMessage ?? ''}`.trim() + (serverMessage ? `: ${serverMessage}` : ''));
	const details = {status, contextUid};
	if (status === 401 || status === 403) return new ApiRequestError('auth', `${message} (check the API key of this context)`, details);
	if (status === 404) return new ApiRequestError('not-found', message, details);
	if (status === 409) {
		return new ApiRequestError('conflict', message, {...details, currentVersion: numberOf(body['current_version']), yourVersion: numberOf(body['your_version'])});
	}
	if (status === 400 || status === 422) return new ApiRequestError('validation', message, {...details, field: typeof body['field'] === 'string' ? body['field'] : undefined});
	return new ApiRequestError(kindOfStatus(status), message, details);
}

function kindOfStatus(status: number): ApiErrorKind {
	return status >= 500 ? 'server' : 'protocol';
}

/** A failed request's body: text, or a buffer when the request asked for one (requestJson). */
function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return typeof body === 'string' ? body : '';
}

function parseBody(body: string): Record<string, unknown> {
	if (body === '') return {};
	try {
		const parsed = JSON.parse(body) as unknown;
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

function shortText(body: string): string {
	const text = body.trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function headerText(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function numberOf(value: unknown): number | undefined {
	return typeof value === 'number' ? value : undefined;
}

function hostOf(error: RequestError): string {
	const url = error.options?.url;
	return url instanceof URL ? url.host : 'the API';
}
