import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {ServerOptions} from './start.js';
import type {ServerAddress, WorkerReply, WorkerRequest} from './worker-messages.js';

/** Options a thread can be handed: a clock function cannot cross into it. */
export type WorkerServerOptions = Omit<ServerOptions, 'clock'>;

export type WorkerServer = ServerAddress & {close: () => Promise<void>};

/**
 * Starts the embedded server on a thread of its own. The app then keeps its
 * event loop for keys and frames: listing, ingestion and evaluation run
 * beside it, on another core when there is one, and a slow request on the
 * server never delays a keypress.
 */
export async function startServerInWorker(options: WorkerServerOptions): Promise<WorkerServer> {
	const [script, how] = workerScript();
	const worker = new Worker(script, {...how, workerData: options});
	const replies = replyQueue(worker);
	const first = await replies.next();
	if (first.type !== 'ready') {
		await worker.terminate();
		throw serverError(first);
	}
	let closing: Promise<void> | undefined;
	return {
		...first.server,
		// In-flight requests finish and the database closes before the thread ends, as with an in-process server.
		close: () => {
			closing ??= (async () => {
				worker.postMessage({type: 'close'} satisfies WorkerRequest);
				const answer = await replies.next();
				await worker.terminate();
				if (answer.type === 'failed') throw serverError(answer);
			})();
			return closing;
		},
	};
}

/**
 * The bundle ships the worker as bundle/server-worker.mjs beside the chunk
 * directory this code is bundled into. From source (tests, `npm run dev`) the
 * TypeScript file runs through tsx, whose hooks a worker's entry module does
 * not go through on Node 20: a small loader registers them first.
 */
function workerScript(): [URL | string, {eval?: boolean}] {
	if (!import.meta.url.endsWith('.ts')) return [new URL('../server-worker.mjs', import.meta.url), {}];
	// The package's require() build of this API points its hooks at a wrong path; its import() build beside it works.
	const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href;
	const entry = new URL('worker-main.ts', import.meta.url).href;
	return [`import(${JSON.stringify(tsx)}).then(api => { api.register(); return import(${JSON.stringify(entry)}); });`, {eval: true}];
}

/** The worker's replies in order; a thread that dies without one answers `failed`. */
function replyQueue(worker: Worker): {next: () => Promise<WorkerReply>} {
	const queued: WorkerReply[] = [];
	const waiting: Array<(reply: WorkerReply) => void> = [];
	const push = (reply: WorkerReply) => {
		const waiter = waiting.shift();
		if (waiter) waiter(reply);
		else queued.push(reply);
	};
	worker.on('message', push);
	worker.on('error', error => push({type: 'failed', message: error.message}));
	worker.on('exit', code => push({type: 'failed', message: `the embedded server's thread ended (exit code ${code})`}));
	return {
		next: () => {
			const reply = queued.shift();
			return reply ? Promise.resolve(reply) : new Promise(resolve => waiting.push(resolve));
		},
	};
}

function serverError(reply: WorkerReply): Error {
	const message = reply.type === 'failed' ? reply.message : `unexpected reply '${reply.type}' from the embedded server's thread`;
	const error: NodeJS.ErrnoException = new Error(message);
	if (reply.type === 'failed' && reply.code) error.code = reply.code;
	return error;
}
