import {type Got, RequestError} from 'got';
import {headerText, type RetryPolicy, type StatusAnswer, statusError} from './http.js';

/** Where a successful answer's body goes, chunk by chunk as it arrives. Either may throw: the read then stops, and is not retried. */
export type BodySink<T> = {push(chunk: Buffer): void; end(): T};

export type StreamedAnswer<T> = {unchanged: true} | {unchanged: false; result: T};

export type StreamedGet = {
	searchParams?: Record<string, string | number | boolean>;
	/** The entity tag of the copy the caller holds: a server that honours If-None-Match answers 304, and the body is not sent. */
	etag?: string;
	/** Names the request in errors: "listing policies failed: ...". */
	what: string;
};

/** A failure body is read for the server's message only: a proxy's error page need not be kept whole. */
const maximumErrorBody = 64 * 1024;

/** What got's stream says of the answer before its body. */
type Answer = {statusCode: number; statusMessage?: string; headers: Record<string, string | string[] | undefined>};

type Attempt<T> = {kind: 'read'; result: T} | {kind: 'unchanged'} | {kind: 'status'; answer: StatusAnswer};

/**
 * A GET whose body is handed to a sink as it arrives, instead of gathered
 * whole first, with the client's retry policy: network errors and the
 * retryable statuses are tried again after the policy's delay, as got's own
 * reads are. `open` is called once per attempt that the server answers with a
 * 2xx, with the answer's entity tag, and gives the sink for that body.
 */
export async function streamedGet<T>(http: Got, retry: RetryPolicy, path: string, request: StreamedGet, open: (answer: {etag?: string}) => BodySink<T>): Promise<StreamedAnswer<T>> {
	const errorCodes = new Set(http.defaults.options.retry.errorCodes);
	for (let attempt = 1; ; attempt++) {
		let outcome: Attempt<T>;
		try {
			outcome = await readOnce(http, path, request, open);
		} catch (error) {
			const delay = error instanceof RequestError && error.code !== undefined && errorCodes.has(error.code) && attempt <= retry.limit ? retry.delay(attempt, undefined) : undefined;
			if (delay === undefined) throw error;
			await sleep(delay);
			continue;
		}
		if (outcome.kind === 'read') return {unchanged: false, result: outcome.result};
		if (outcome.kind === 'unchanged') return {unchanged: true};
		const {answer} = outcome;
		const delay = retry.statuses.includes(answer.status) && attempt <= retry.limit ? retry.delay(attempt, headerText(answer.headers['retry-after'])) : undefined;
		if (delay === undefined) throw statusError(request.what, answer);
		await sleep(delay);
	}
}

async function readOnce<T>(http: Got, path: string, request: StreamedGet, open: (answer: {etag?: string}) => BodySink<T>): Promise<Attempt<T>> {
	return new Promise((resolve, reject) => {
		const stream = http.stream(path, {
			...(request.searchParams ? {searchParams: request.searchParams} : {}),
			...(request.etag ? {headers: {'if-none-match': request.etag}} : {}),
			retry: {limit: 0},
			throwHttpErrors: false,
		});
		let settled = false;
		let onChunk: (chunk: Buffer) => void = () => undefined;
		let finish: () => Attempt<T> = () => ({kind: 'unchanged'});
		const fail = (error: unknown) => {
			if (settled) return;
			settled = true;
			stream.destroy();
			reject(error);
		};
		const answerWith = (response: Answer) => {
			const {statusCode} = response;
			if (statusCode === 304) return;
			if (statusCode >= 200 && statusCode < 300) {
				const etag = headerText(response.headers['etag']);
				const sink = open(etag === undefined ? {} : {etag});
				onChunk = chunk => sink.push(chunk);
				finish = () => ({kind: 'read', result: sink.end()});
				return;
			}
			const pieces: Buffer[] = [];
			let kept = 0;
			onChunk = chunk => {
				if (kept >= maximumErrorBody) return;
				pieces.push(chunk);
				kept += chunk.length;
			};
			finish = () => ({kind: 'status', answer: {status: statusCode, statusMessage: response.statusMessage, headers: response.headers, body: Buffer.concat(pieces)}});
		};
		stream.once('response', (response: Answer) => {
			try {
				answerWith(response);
			} catch (error) {
				fail(error);
			}
		});
		stream.on('data', (chunk: Buffer) => {
			if (settled) return;
			try {
				onChunk(chunk);
			} catch (error) {
				fail(error);
			}
		});
		stream.once('end', () => {
			if (settled) return;
			try {
				const outcome = finish();
				settled = true;
				resolve(outcome);
			} catch (error) {
				fail(error);
			}
		});
		stream.once('error', fail);
	});
}

async function sleep(milliseconds: number): Promise<void> {
	await new Promise(resolve => setTimeout(resolve, milliseconds));
}
