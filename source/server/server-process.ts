import {type ChildProcess, fork} from 'node:child_process';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import type {ProcessServerOptions, ServerAddress, ServerReply, ServerRequest} from './server-messages.js';

export type {ProcessServerOptions} from './server-messages.js';

export type ProcessServer = ServerAddress & {pid: number; close: () => Promise<void>};

/**
 * Starts the embedded server in a process of its own, as the full-screen app
 * runs it. Serving, ingestion and the observer then neither hold up a frame
 * nor add to the app's memory: the app holds its 10,000 policies within its
 * own budget, as it does with a remote API.
 *
 * The process is in a session of its own, so a signal the terminal sends the
 * app's process group does not cut it off mid-write: the app closes it. If the
 * app dies without closing it, the IPC channel goes and it closes itself.
 */
export async function startServerProcess(options: ProcessServerOptions): Promise<ProcessServer> {
	const [script, execArgv] = entry();
	const child = fork(script, [], {
		execArgv,
		detached: true,
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		// A list is one large buffer; glibc's rising mmap threshold would keep every such buffer's memory after it is freed.
		env: {MALLOC_MMAP_THRESHOLD_: '131072', ...process.env},
	});
	const replies = replyQueue(child);
	send(child, {type: 'start', options});
	const first = await replies.next();
	if (first.type !== 'ready') {
		child.kill('SIGKILL');
		throw serverError(first);
	}
	// The server must not keep the app's event loop alive; close() is what ends it.
	child.unref();
	child.channel?.unref();
	let closing: Promise<void> | undefined;
	return {
		...first.server,
		pid: child.pid!,
		close: () => {
			closing ??= (async () => {
				const exited = new Promise<void>(resolve => {
					if (child.exitCode !== null || child.signalCode !== null) resolve();
					else child.once('exit', () => resolve());
				});
				child.channel?.ref();
				send(child, {type: 'close'});
				// A server that does not finish in time is ended: the app must be able to quit.
				const deadline = setTimeout(() => child.kill('SIGKILL'), closeTimeoutMs);
				const answer = await replies.next();
				await exited;
				clearTimeout(deadline);
				if (answer.type === 'failed' && answer.message !== exitMessage) throw serverError(answer);
			})();
			return closing;
		},
	};
}

/**
 * The bundle ships the process's entry as bundle/server-process.mjs beside the
 * chunk directory this code is bundled into. From source (tests, `npm run
 * dev`) the TypeScript file runs through tsx.
 */
function entry(): [string, string[]] {
	if (!import.meta.url.endsWith('.ts')) return [fileURLToPath(new URL('../server-process.mjs', import.meta.url)), []];
	const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
	return [fileURLToPath(new URL('server-process-main.ts', import.meta.url)), ['--import', tsx]];
}

function send(child: ChildProcess, request: ServerRequest): void {
	if (child.connected) child.send(request);
}

const closeTimeoutMs = 15_000;

const exitMessage = 'the embedded server\'s process ended';

/** The process's replies in order; a process that ends without one answers `failed`. */
function replyQueue(child: ChildProcess): {next: () => Promise<ServerReply>} {
	const queued: ServerReply[] = [];
	const waiting: Array<(reply: ServerReply) => void> = [];
	const push = (reply: ServerReply) => {
		const waiter = waiting.shift();
		if (waiter) waiter(reply);
		else queued.push(reply);
	};
	child.on('message', (message: ServerReply) => push(message));
	child.on('error', error => push({type: 'failed', message: error.message}));
	child.on('exit', () => push({type: 'failed', message: exitMessage}));
	return {
		next: () => {
			const reply = queued.shift();
			return reply ? Promise.resolve(reply) : new Promise(resolve => waiting.push(resolve));
		},
	};
}

function serverError(reply: ServerReply): Error {
	const message = reply.type === 'failed' ? reply.message : `unexpected reply '${reply.type}' from the embedded server's process`;
	const error: NodeJS.ErrnoException = new Error(message);
	if (reply.type === 'failed' && reply.code) error.code = reply.code;
	return error;
}
