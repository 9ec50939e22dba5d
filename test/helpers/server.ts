import {createApiClient} from '../../source/api/client.js';
import type {HttpOptions} from '../../source/api/http.js';
import {type RunningServer, startServer, type ServerOptions} from '../../source/server/start.js';
import {tempDir} from './temp.js';

export type TestServer = RunningServer & {client: ReturnType<typeof createApiClient>};

/** The real embedded server on a free loopback port, over a fresh data dir, with a real client. */
export async function startTestServer(options: Partial<ServerOptions> & {http?: HttpOptions} = {}): Promise<TestServer> {
	const server = await startServer({port: 0, ...options, dataDir: options.dataDir ?? tempDir('spytui-server-')});
	const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.name}, {retries: 0, ...options.http});
	return {...server, client};
}

/** A valid container policy document, as `create policy` would write it. */
export function samplePolicy(name = 'web', overrides: Record<string, unknown> = {}) {
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatPolicy',
		metadata: {name, type: 'container', latestTimestamp: 1_700_000_000},
		spec: {
			containerSelector: {image: `registry.example.com/${name}:*`},
			mode: 'audit',
			processPolicy: [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root']}],
			networkPolicy: {ingress: [], egress: []},
			response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []},
			...overrides,
		},
	};
}
