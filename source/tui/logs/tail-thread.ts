import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker, type WorkerOptions} from 'node:worker_threads';
import type {ApiConnection} from '../../api/client.js';
import type {TailBatch} from './entry.js';
import type {TailCommand, TailFollow, TailNews} from './tail-messages.js';

export type TailHandlers = {
	/** A read worked: its new events, if any. */
	onRead: (batch: TailBatch) => void;
	/** A read failed on the network or the server; the tail retries by itself. */
	onRetry: (failures: number, message: string) => void;
	/** The tail gave up: a failure not worth retrying, or its thread died. */
	onStopped: (message: string) => void;
};

/**
 * The thread's young generation. What it allocates lives for one read (a page
 * of JSON, its parse, the events made of it); V8's default is sized for the
 * whole app, and left the thread 35 MB larger for nothing.
 */
const youngGenerationMb = 16;

type TailThread = {worker: Worker; follows: Map<number, TailHandlers>};

let thread: TailThread | undefined;
let nextId = 1;

/**
 * Follows the logs, with `spytui logs -f`'s semantics, on a thread of its
 * own: at thousands of events a second, reading and parsing them held up the
 * frames and the keys of the thread that draws. One thread serves every
 * follow, started with the first. Returns the function that stops this one.
 */
export function followInThread(connection: ApiConnection, follow: TailFollow, handlers: TailHandlers): () => void {
	const current = (thread ??= startThread());
	const id = nextId++;
	current.follows.set(id, handlers);
	send(current, {type: 'follow', id, connection, follow});
	return () => {
		if (!current.follows.delete(id)) return;
		send(current, {type: 'stop', id});
	};
}

function startThread(): TailThread {
	const [script, options] = workerScript();
	const worker = new Worker(script, {...options, resourceLimits: {maxYoungGenerationSizeMb: youngGenerationMb}});
	const started: TailThread = {worker, follows: new Map()};
	worker.on('message', (news: TailNews) => {
		const handlers = started.follows.get(news.id);
		if (!handlers) return;
		if (news.type === 'read') handlers.onRead(news.batch);
		else if (news.type === 'retry') handlers.onRetry(news.failures, news.message);
		else {
			started.follows.delete(news.id);
			handlers.onStopped(news.message);
		}
	});
	const fail = (message: string) => {
		if (thread === started) thread = undefined;
		const follows = [...started.follows.values()];
		started.follows.clear();
		for (const handlers of follows) handlers.onStopped(message);
	};
	worker.on('error', error => fail(`the log tail's thread failed: ${error.message}`));
	worker.on('exit', code => fail(`the log tail's thread ended (exit code ${code})`));
	// The app's own work keeps it running; the tail's thread must not. After the listeners: adding one refs the thread again.
	worker.unref();
	return started;
}

function send(target: TailThread, command: TailCommand): void {
	target.worker.postMessage(command);
}

/**
 * The bundle ships the thread's entry as bundle/tail-worker.mjs, beside the
 * chunk directory. From source (tests, `npm run dev`) the TypeScript file runs
 * through tsx, whose hooks a worker's entry module does not get from the
 * command line: the entry registers them, then imports the file.
 */
function workerScript(): [string | URL, WorkerOptions] {
	if (!import.meta.url.endsWith('.ts')) return [new URL(import.meta.url.includes('/chunks/') ? '../tail-worker.mjs' : './tail-worker.mjs', import.meta.url), {}];
	const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href;
	const entry = new URL('tail-worker-main.ts', import.meta.url).href;
	return [`import(${JSON.stringify(tsx)}).then(api => { api.register(); return import(${JSON.stringify(entry)}); });`, {eval: true}];
}
