import http from 'node:http';
import type {AddressInfo} from 'node:net';

export type Fault = 'pass' | '503' | 'hang' | 'not-json';

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
		if (fault === '503') {
			response.writeHead(503, {'content-type': 'application/json', 'retry-after': '0'}).end('{"err_msg":"try again"}');
			return;
		}
		if (fault === 'not-json') {
			response.writeHead(200, {'content-type': 'application/json'}).end('<html>a login page</html>');
			return;
		}
		if (fault === 'hang') {
			hanging.add(response);
			return;
		}
		const upstream = http.request(new URL(request.url ?? '/', target), {method: request.method, headers: request.headers}, reply => {
			response.writeHead(reply.statusCode ?? 502, reply.headers);
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
