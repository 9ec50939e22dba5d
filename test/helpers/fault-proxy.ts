import http from 'node:http';
import type {AddressInfo} from 'node:net';

/**
 * - `503`: refused with Retry-After 0; `503-wait`: refused with a Retry-After longer than any client waits
 * - `hang`: never answered; `not-json` / `not-a-list`: a 200 whose body is a login page / a JSON object
 * - `cut`: the real answer, but the connection drops halfway through its body
 * - `no-etag`: the real answer from a server that knows nothing of entity tags
 */
export type Fault = 'pass' | '503' | '503-wait' | 'hang' | 'not-json' | 'not-a-list' | 'cut' | 'no-etag';

/**
 * A real HTTP hop in front of the real server that misbehaves on cue, so the
 * client's retry policy meets genuine 503s and silent connections rather than
 * a mocked transport.
 */
export async function startFaultProxy(target: string, plan: (request: http.IncomingMessage, index: number) => Fault) {
	const seen: Array<{method: string; url: string; fault: Fault}> = [];
	const hanging = new Set<http.ServerResponse>();
	const server = http.createServer((request, response) => {
		const fault = plan(request, seen.length);
		seen.push({method: request.method ?? '', url: request.url ?? '', fault});
		if (fault === '503' || fault === '503-wait') {
			response.writeHead(503, {'content-type': 'application/json', 'retry-after': fault === '503' ? '0' : '3600'}).end('{"err_msg":"try again"}');
			return;
		}
		if (fault === 'not-json' || fault === 'not-a-list') {
			response.writeHead(200, {'content-type': 'application/json'}).end(fault === 'not-json' ? '<html>a login page</html>' : '{"policies":[]}');
			return;
		}
		if (fault === 'hang') {
			hanging.add(response);
			return;
		}
		const headers = {...request.headers};
		if (fault === 'no-etag') delete headers['if-none-match'];
		const upstream = http.request(new URL(request.url ?? '/', target), {method: request.method, headers}, reply => {
			const replyHeaders = {...reply.headers};
			if (fault === 'no-etag') delete replyHeaders.etag;
			response.writeHead(reply.statusCode ?? 502, replyHeaders);
			if (fault === 'cut') {
				// Without a length, the first chunk is what gets through.
				const half = Math.max(1, Math.floor(Number(reply.headers['content-length'] ?? 0) / 2));
				let sent = 0;
				reply.on('data', (chunk: Buffer) => {
					if (sent >= half) return;
					response.write(chunk.subarray(0, half - sent));
					sent += chunk.length;
					if (sent >= half) response.destroy();
				});
				return;
			}
			reply.pipe(response);
		});
		request.pipe(upstream);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		close: () =>
			new Promise<void>(resolve => {
				for (const response of hanging) response.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
