import path from 'node:path';
import {type ApiClient, createApiClient} from '../api/client.js';
import type {HttpOptions} from '../api/http.js';
import {globalLocation} from '../config/paths.js';
import {loadConfig} from '../config/load-config.js';
import {NoContextError} from '../config/errors.js';
import {resolveFrom} from '../config/resolve-context.js';
import type {CommandIo} from '../commands/io.js';
import {defaultDataDir} from '../server/data-dir.js';

export type BackendChoice = {
	/** `--context NAME`. */
	context?: string;
	/** `--local`: the embedded server even when a context is configured. */
	local?: boolean;
	/**
	 * Whether an embedded server watches this machine (ServerOptions.observe).
	 * The app's server does unless `--no-observer`; a command's, which lives for
	 * one answer, never does: its first look at /proc would only slow it down.
	 */
	observer?: boolean;
	http?: HttpOptions;
	/**
	 * Run an embedded server in a process of its own. The full-screen app does,
	 * so that serving and ingestion never hold up a frame nor add to its memory;
	 * a command, which waits for its one answer anyway, keeps it in its own
	 * process and starts sooner.
	 */
	serverProcess?: boolean;
};

/** The API the app and commands talk to, and how to describe it in a header or a message. */
export type Backend = {
	client: ApiClient;
	kind: 'embedded' | 'remote';
	/** `local` for the embedded server, else the API host. */
	label: string;
	contextName?: string;
	/** The org as the user knows it: the context's organization, or the embedded server's org name. */
	organization: string;
	close: () => Promise<void>;
};

/**
 * `--context NAME`, else the current spyctl context, else the embedded server.
 * Either way the caller gets the same HTTP client: nothing above this function
 * knows which backend it has.
 */
export async function openBackend(io: CommandIo, choice: BackendChoice = {}): Promise<Backend> {
	if (!choice.local) {
		const config = await loadConfig(io);
		try {
			const context = resolveFrom(config, choice.context);
			const client = createApiClient(
				{
					apiUrl: context.apiUrl,
					apiKey: context.apiKey,
					organization: context.organization,
					orgCacheFile: path.join(globalLocation(io.home).dir, 'org_uid_cache.json'),
				},
				choice.http,
			);
			return {client, kind: 'remote', label: new URL(context.apiUrl).host, contextName: context.name, organization: context.organization, close: async () => undefined};
		} catch (error) {
			// Only "no context at all" falls back; a broken context must not silently become local data.
			if (!(error instanceof NoContextError) || choice.context !== undefined) throw error;
		}
	}
	// The server (fastify, SQLite) loads only when it is used: a command on a real context never pays for it.
	const options = {dataDir: defaultDataDir(io.env, io.home), seed: true, ...(choice.observer ? {observe: {intervalMs: 1000}} : {})};
	const server = choice.serverProcess ? await (await import('../server/server-process.js')).startServerProcess(options) : await (await import('../server/start.js')).startServer(options);
	const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.uid}, choice.http);
	return {client, kind: 'embedded', label: 'local', organization: server.org.name, close: server.close};
}
