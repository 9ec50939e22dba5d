// The embedded server's thread: startServer with the options the host passed,
// then a handshake and a close request over the worker's message port.
import {parentPort, workerData} from 'node:worker_threads';
import type {WorkerReply, WorkerRequest} from './worker-messages.js';
import {startServer, type ServerOptions} from './start.js';

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs only as a worker thread (see worker-host.ts)');
const reply = (message: WorkerReply) => port.postMessage(message);

try {
	const server = await startServer(workerData as ServerOptions);
	port.on('message', (message: WorkerRequest) => {
		if (message.type !== 'close') return;
		void server.close().then(
			() => reply({type: 'closed'}),
			(error: unknown) => reply({type: 'failed', message: String(error instanceof Error ? error.message : error)}),
		);
	});
	reply({type: 'ready', server: {url: server.url, org: server.org, token: server.token, tokenFile: server.tokenFile, dataDir: server.dataDir}});
} catch (error) {
	const code = (error as NodeJS.ErrnoException).code;
	reply({type: 'failed', message: error instanceof Error ? error.message : String(error), ...(code ? {code} : {})});
}
