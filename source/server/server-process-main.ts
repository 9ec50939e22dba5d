// The embedded server's process: startServer with the options the app sends,
// then a handshake and a close request over the IPC channel. When the channel
// goes (the app exited, even killed) the server closes and the process ends.
import type {ProcessServerOptions, ServerReply, ServerRequest} from './server-messages.js';
import {startServer} from './start.js';

process.title = 'spytui-server';
if (!process.send) throw new Error('server-process-main runs only as the app\'s child process (see server-process.ts)');
const reply = (message: ServerReply) => process.send?.(message);
let close: (() => Promise<void>) | undefined;

async function start(options: ProcessServerOptions): Promise<void> {
	try {
		const server = await startServer(options);
		close = server.close;
		reply({type: 'ready', server: {url: server.url, org: server.org, token: server.token, tokenFile: server.tokenFile, dataDir: server.dataDir}});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		reply({type: 'failed', message: error instanceof Error ? error.message : String(error), ...(code ? {code} : {})});
		process.disconnect();
	}
}

/** In-flight requests finish and the database closes before the process ends. */
async function stop(): Promise<void> {
	try {
		await close?.();
		if (process.connected) reply({type: 'closed'});
	} catch (error) {
		if (process.connected) reply({type: 'failed', message: error instanceof Error ? error.message : String(error)});
		process.exitCode = 1;
	}
	if (process.connected) process.disconnect();
}

process.on('message', (message: ServerRequest) => {
	if (message.type === 'start') void start(message.options);
	else void stop();
});
process.once('disconnect', () => void stop());
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void stop());
