// The log tail's thread: reads through its own API client, as `spytui logs -f`
// does, and hands the panel each read's events as one batch (entry.ts,
// TailBatch). The HTTP traffic, the JSON (each event is parsed twice: its
// page, then its full_json) and their garbage stay off the thread that draws.
import {parentPort} from 'node:worker_threads';
import {type ApiClient, type ApiConnection, createApiClient} from '../../api/client.js';
import type {PolicyLogEvent} from '../../api/search-records.js';
import {followLogs} from '../../operations/logs.js';
import {errorText} from '../error-text.js';
import {tailBatchOf} from './entry.js';
import type {TailCommand, TailNews} from './tail-messages.js';
import {lowerThreadPriority} from './thread-priority.js';

/** Between the default 0 and the lowest 19: behind the app, ahead of batch jobs. */
const tailNice = 10;

if (!parentPort) throw new Error('tail-worker-main runs only as the log tail\'s thread (see tail-thread.ts)');
// On a busy machine the thread that answers keys goes first; the tail keeps up with what is left (the logs bench: p99 of a key 48-74 ms before, 48-55 after).
lowerThreadPriority(tailNice);
const port = parentPort;
const tell = (news: TailNews) => port.postMessage(news);
const follows = new Map<number, AbortController>();
/** One client per API, so that a new window or target does not resolve the org again. */
const clients = new Map<string, ApiClient>();

function clientFor(connection: ApiConnection): ApiClient {
	const key = JSON.stringify(connection);
	let client = clients.get(key);
	if (!client) {
		client = createApiClient(connection.target, connection.options, {orgUid: connection.orgUid});
		clients.set(key, client);
	}
	return client;
}

port.on('message', (command: TailCommand) => {
	if (command.type === 'stop') {
		follows.get(command.id)?.abort();
		follows.delete(command.id);
		return;
	}
	const {id, follow} = command;
	const controller = new AbortController();
	follows.set(id, controller);
	// followLogs reports a read, then (in the same turn) its events: both go in one message.
	let read: PolicyLogEvent[] | undefined;
	followLogs(clientFor(command.connection), {
		...follow,
		signal: controller.signal,
		onRead: () => {
			const events: PolicyLogEvent[] = [];
			read = events;
			queueMicrotask(() => {
				read = undefined;
				tell({type: 'read', id, batch: tailBatchOf(events)});
			});
		},
		onEvents: events => {
			if (read) read.push(...events);
			else tell({type: 'read', id, batch: tailBatchOf(events)});
		},
		onRetry: (error, failures) => tell({type: 'retry', id, failures, message: error.message}),
	}).then(
		() => follows.delete(id),
		(error: unknown) => {
			follows.delete(id);
			if (!controller.signal.aborted) tell({type: 'stopped', id, message: errorText(error)});
		},
	);
});
