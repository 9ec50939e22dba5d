import {type ChildProcess, fork} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {ensureDataDir} from './data-dir.js';
import type {ProcessServerOptions, ServerAddress, ServerReply, ServerRequest} from './server-messages.js';

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
	// What the server writes (a warning, a crash's stack) goes to a log beside its database, not across the app's screen.
	ensureDataDir(options.dataDir);
	const log = fs.openSync(serverLogPath(options.dataDir), 'a', 0o600);
	let child: ChildProcess;
	try {
		child = fork(script, [], {
			execArgv,
			detached: true,
			stdio: ['ignore', log, log, 'ipc'],
			// A list is one large buffer; glibc's rising mmap threshold would keep every such buffer's memory after it is freed.
			env: {MALLOC_MMAP_THRESHOLD_: '131072', ...process.env},
		});
	} finally {
		fs.closeSync(log);
	}
	const replies = replyQueue(child, serverLogPath(options.dataDir));
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
				if (answer.type === 'failed' && answer.code !== exitedCode) throw serverError(answer);
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

/** The embedded server's own output, when it runs as the app's child. */
export function serverLogPath(dataDir: string): string {
	return path.join(dataDir, 'server.log');
}

function send(child: ChildProcess, request: ServerRequest): void {
	if (child.connected) child.send(request);
}

const closeTimeoutMs = 15_000;

/** The code of the reply a process that ended gives: expected after a close, a failure before one. */
const exitedCode = 'ESERVEREXITED';

/** The process's replies in order; a process that ends without one answers `failed`. */
function replyQueue(child: ChildProcess, logFile: string): {next: () => Promise<ServerReply>} {
	const queued: ServerReply[] = [];
	const waiting: Array<(reply: ServerReply) => void> = [];
	const push = (reply: ServerReply) => {
		const waiter = waiting.shift();
		if (waiter) waiter(reply);
		else queued.push(reply);
	};
	child.on('message', (message: ServerReply) => push(message));
	child.on('error', error => push({type: 'failed', message: error.message}));
	child.on('exit', (code, signal) => push({type: 'failed', message: `the embedded server's process ended (${signal ?? `exit code ${code}`}); its output is in ${logFile}`, code: exitedCode}));
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
