import os from 'node:os';
import path from 'node:path';
import type {AddressInfo} from 'node:net';
import {startObserver} from '../agent/observer.js';
import {createApiClient} from '../api/client.js';
import {createHttpApp} from './app.js';
import {serverContext} from './context.js';
import {ensureDataDir, readOrCreateToken, tokenPath} from './data-dir.js';
import {ingestRoutes} from './routes/ingest.js';
import {legacyQueryRoutes} from './routes/legacy-queries.js';
import {policyRoutes} from './routes/policies.js';
import {searchRoutes} from './routes/search.js';
import {openDatabase} from './store/database.js';
import {ensureOrg, hasOrg, type Org} from './store/orgs.js';
import {seedExamplePolicies} from './seed.js';
import {seedActivity} from './seed-activity.js';
import {policyStore} from './store/policies.js';
import {type RecordStore, recordStore} from './store/records.js';

export type ServerOptions = {
	dataDir: string;
	host?: string;
	/** 0 picks a free port. */
	port?: number;
	/** Epoch seconds; tests pin it. */
	clock?: () => number;
	/** Fill a new database with the bundled example policies (the embedded default and `serve` do; tests start empty). */
	seed?: boolean;
	/**
	 * Watch this machine (Linux): every interval, the processes and sockets of
	 * its workloads are sent to this server's ingest endpoint as fingerprints,
	 * with this server's own token. `debug` writes what the observer skipped
	 * to stderr. Plain data, so that a server in another process can take it.
	 */
	observe?: {intervalMs?: number; debug?: boolean};
	/**
	 * Let enforcing policies' agentKillProcess, agentKillProcessGroup and
	 * agentKillProcessTree kill processes of this machine that the observer
	 * reported. Without it their log events say what would have been killed.
	 */
	allowKill?: boolean;
};

export type RunningServer = {
	url: string;
	org: Org;
	/** The bearer token. Never print it: point people at tokenFile. */
	token: string;
	tokenFile: string;
	dataDir: string;
	/** Deviations, policy log events and fingerprints, for ingestion and tests to write. */
	records: RecordStore;
	close: () => Promise<void>;
};

/** Starts the embedded Spyderbat-compatible API on loopback. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	ensureDataDir(options.dataDir);
	const token = readOrCreateToken(options.dataDir);
	const db = openDatabase(path.join(options.dataDir, 'spytui.db'));
	const isNew = !hasOrg(db);
	const org = ensureOrg(db);
	const context = serverContext(org, `${os.userInfo().username}@spytui.local`, options.clock ?? (() => Date.now() / 1000));
	const policies = policyStore(db);
	const records = recordStore(db);
	if (isNew && options.seed) {
		seedExamplePolicies(org.uid, policies, context.actor());
		seedActivity(org.uid, policies, records, context.actor().now);
	}
	const app = createHttpApp(token, context);
	policyRoutes(app, context, policies);
	searchRoutes(app, context, records);
	legacyQueryRoutes(app, context, records);
	ingestRoutes(app, context, policies, records, {allowKill: options.allowKill});

	const host = options.host ?? '127.0.0.1';
	await app.listen({host, port: options.port ?? 0});
	const {port} = app.server.address() as AddressInfo;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const observer = options.observe
		? startObserver({
				client: createApiClient({apiUrl: url, apiKey: token, organization: org.uid}),
				intervalMs: options.observe.intervalMs,
				log: options.observe.debug ? line => process.stderr.write(`observer: ${line}\n`) : undefined,
			})
		: undefined;
	let closed: Promise<void> | undefined;
	return {
		url,
		org,
		token,
		tokenFile: tokenPath(options.dataDir),
		dataDir: options.dataDir,
		records,
		// The observer's last send and in-flight requests finish before the database closes, so no acknowledged write is lost.
		close: () => {
			closed ??= (async () => {
				await observer?.stop();
				await app.close();
				db.close();
			})();
			return closed;
		},
	};
}
