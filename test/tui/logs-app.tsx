import fs from 'node:fs';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {createApiClient} from '../../source/api/client.js';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {draftStore} from '../../source/operations/drafts.js';
import {type RunningServer, startServer} from '../../source/server/start.js';
import {App, type ApiSource} from '../../source/tui/app.js';
import type {LogsStart} from '../../source/tui/logs/start-options.js';
import {renderTui} from '../helpers/ink.js';
import {samplePolicy, type TestServer} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';
import {backendOf} from './api-app.js';

const root = tempDir('spytui-logs-app-');

export type LogsAppOptions = LogsStart & {
	/** Policies to create first, by name (samplePolicy, audit mode). */
	policies?: string[];
	columns?: number;
	rows?: number;
};

export type LoggedEvent = {id: string; policy: string; message: string; severity?: string; kind?: 'deviation' | 'action' | 'flag'; time?: number};

/**
 * The API app over a fresh embedded server on the real clock, polling its
 * logs fast. The server can be restarted on the same data dir and port, as a
 * real one comes back after a crash; the app's client never changes.
 */
export async function openLogsApp(options: LogsAppOptions = {}) {
	const home = fs.mkdtempSync(path.join(root, 'app-'));
	const dataDir = path.join(home, 'server');
	let server: RunningServer = await startServer({port: 0, dataDir});
	const port = Number(new URL(server.url).port);
	const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.name}, {retries: 0});
	const uids = new Map<string, string>();
	for (const name of options.policies ?? []) uids.set(name, await client.createPolicy(samplePolicy(name) as PolicyDocument));
	const saveDir = path.join(home, 'save');
	fs.mkdirSync(saveDir);
	const source: ApiSource = {
		kind: 'api',
		connect: async () => backendOf({...server, client} as TestServer),
		drafts: draftStore(path.join(home, 'data')),
		draftsFolder: path.join(home, 'data', 'drafts'),
		restored: new Map(),
		readOnly: false,
		refreshMs: 600_000,
		saveDir,
		tempDir: home,
		openEditor: () => {
			throw new Error('this test opened no editor');
		},
	};
	const {policies: _policies, columns = 100, rows = 30, ...start} = options;
	const ui = await renderTui(<App source={source} logs={{pollMs: 50, ...start}} />, {columns, rows});
	if (!options.open) await ui.waitForFrame(frame => frame.includes('● ok') && frame.includes(`${uids.size} polic`));

	/** Stores a log event as ingestion would, straight into the server's database. */
	const log = async (event: LoggedEvent) => {
		const uid = uids.get(event.policy) ?? event.policy;
		server.records.insertEvent({
			schema: `event_log:guardian_${event.kind ?? 'deviation'}:1.0.0`,
			id: event.id,
			time: event.time ?? Date.now() / 1000,
			policy_uid: uid,
			policy_name: event.policy,
			severity: event.severity ?? 'high',
			message: event.message,
		});
	};
	return {
		...ui,
		client,
		saveDir,
		uids,
		log,
		server: () => server,
		/** Stops the server; the app's reads fail until it is back. */
		stopServer: async () => ui.during(async () => server.close()),
		/** Starts the server again on the same data dir and port. */
		startServer: async () => {
			server = await ui.during(async () => startServer({port, dataDir}));
		},
		close: async () => {
			await ui.unmount();
			await server.close();
		},
	};
}

export type LogsApp = Awaited<ReturnType<typeof openLogsApp>>;

/** The event lines of the panel: the rows between its indicator strip and its bottom border. */
export function panelLines(frame: string): string[] {
	const lines = frame.split('\n');
	const strip = lines.findIndex(line => line.includes('Follow:'));
	const bottom = lines.findIndex((line, index) => index > strip && line.startsWith('╰'));
	return lines.slice(strip + 1, bottom === -1 ? undefined : bottom).map(line => line.replace(/^│ /, '').replace(/ *│$/, '').trimEnd());
}

const escapeCode = '\u001B';
/** Inverse from the first column: after the coloured border and its space, or at once in fullscreen. */
const selectedAtStart = new RegExp(`^(?:${escapeCode}\\[\\d+m│${escapeCode}\\[\\d+m )?${escapeCode}\\[7m`);

/** The selected event's line, as plain text: the one drawn inverse from its first column (a search match is inverse too, within a line). */
export function selectedLine(rawFrame: string): string | undefined {
	const line = rawFrame.split('\n').find(candidate => selectedAtStart.test(candidate));
	return line === undefined ? undefined : stripVTControlCharacters(line).replace(/^│ /, '').replace(/ *│$/, '');
}
