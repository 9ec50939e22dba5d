import fs from 'node:fs';
import path from 'node:path';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import type {Backend} from '../../source/operations/backend.js';
import {draftStore} from '../../source/operations/drafts.js';
import {restoreDrafts} from '../../source/tui/api-source.js';
import {App, type ApiSource} from '../../source/tui/app.js';
import type {Binding} from '../../source/tui/keymap.js';
import {renderTui, type TerminalSize} from '../helpers/ink.js';
import {samplePolicy, startTestServer, type TestServer} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';

/** The real embedded server and client, as the app's backend; closing is left to the test. */
export function backendOf(server: TestServer, contextName?: string): Backend {
	return {
		client: server.client,
		kind: contextName ? 'remote' : 'embedded',
		label: contextName ? new URL(server.url).host : 'local',
		organization: server.org.name,
		...(contextName ? {contextName} : {}),
		close: async () => undefined,
	};
}

export type ApiAppOptions = TerminalSize & {
	/** Policies to create first, by name; each is samplePolicy(name), in audit mode. */
	policies?: string[];
	readOnly?: boolean;
	/** Long by default, so that a test sees a refresh only when it asks for one. */
	refreshMs?: number;
	/** Other spyctl contexts `:ctx NAME` can switch to. */
	contexts?: Record<string, TestServer>;
	/** A data dir that already holds drafts (to test restoring them). */
	dataDir?: string;
	/** A server to reuse (a second app over the same data); it is left open on close. */
	server?: TestServer;
	openEditor?: (file: string) => void;
	bindings?: readonly Binding[];
	notice?: {level: 'info' | 'warn' | 'error'; text: string};
};

export type ApiApp = Awaited<ReturnType<typeof renderTui>> & {
	server: TestServer;
	source: ApiSource;
	dataDir: string;
	saveDir: string;
	uids: Map<string, string>;
	/** The server copy of a policy, by name. */
	policy: (name: string) => Promise<PolicyDocument & {version?: number}>;
	close: () => Promise<void>;
};

// One folder for the whole file, removed at exit; each app gets its own inside it.
const root = tempDir('spytui-api-app-');

function folderIn(parent: string, name: string): string {
	const folder = path.join(parent, name);
	fs.mkdirSync(folder, {recursive: true});
	return folder;
}

/** A fresh folder: a data dir to put drafts in before the app opens, or another server's. */
export function freshDataDir(): string {
	return fs.mkdtempSync(path.join(root, 'data-'));
}

/** The API-backed app over a fresh embedded server, waited on until the list shows. */
export async function openApiApp(options: ApiAppOptions = {}): Promise<ApiApp> {
	const home = fs.mkdtempSync(path.join(root, 'app-'));
	const server = options.server ?? (await startTestServer({dataDir: folderIn(home, 'server')}));
	const uids = new Map<string, string>();
	for (const policy of options.server ? await server.client.listPolicies() : []) uids.set(policy.name, policy.uid);
	for (const name of options.policies ?? []) uids.set(name, await server.client.createPolicy(samplePolicy(name) as PolicyDocument));
	const dataDir = options.dataDir ?? folderIn(home, 'data');
	const saveDir = folderIn(home, 'save');
	const drafts = draftStore(dataDir);
	const {restored, notices} = restoreDrafts(drafts);
	const notice = options.notice ?? (notices.length > 0 ? {level: notices.some(entry => entry.level !== 'info') ? ('warn' as const) : ('info' as const), text: notices.map(entry => entry.text).join('; ')} : undefined);
	const source: ApiSource = {
		kind: 'api',
		connect: async context => {
			if (context === undefined) return backendOf(server);
			const other = options.contexts?.[context];
			if (!other) throw new Error(`no context named '${context}' in the spyctl config`);
			return backendOf(other, context);
		},
		drafts,
		draftsFolder: path.join(dataDir, 'drafts'),
		restored,
		readOnly: options.readOnly ?? false,
		refreshMs: options.refreshMs ?? 600_000,
		saveDir,
		tempDir: folderIn(home, 'edit'),
		openEditor:
			options.openEditor ??
			(() => {
				throw new Error('this test opened no editor');
			}),
	};
	const size = {columns: options.columns ?? 100, rows: options.rows ?? 30};
	const ui = await renderTui(<App source={source} {...(options.bindings ? {bindings: options.bindings} : {})} {...(notice ? {notice} : {})} />, size);
	const expected = uids.size;
	await ui.waitForFrame(frame => frame.includes('● ok') && frame.includes(`${expected} polic`));
	return {
		...ui,
		server,
		source,
		dataDir,
		saveDir,
		uids,
		// Inside act: the app may be answering a refresh meanwhile.
		policy: async name => {
			const uid = uids.get(name);
			if (!uid) throw new Error(`no policy named ${name} was created`);
			const found = await ui.during(async () => server.client.getPolicy(uid));
			return {...found.policy, ...(found.version === undefined ? {} : {version: found.version})};
		},
		close: async () => {
			await ui.unmount();
			if (!options.server) await server.close();
		},
	};
}

/** The detail panel's title names the selected row, so it tells which row is selected. */
export function detailTitle(frame: string): string {
	const lines = frame.split('\n');
	const listBottom = lines.findIndex(line => line.startsWith('╰'));
	return lines[listBottom + 1] ?? '';
}

/** The table row of a policy, by name: a list line with its marker, the name and the cells after it (the UID cell, when shown, is left out). */
export function rowOf(frame: string, name: string): string {
	const line = frame.split('\n').find(candidate => /^│ [ *!✗] /.test(candidate) && candidate.includes(` ${name} `));
	return line?.replace(/pol:\w{20} +/, '') ?? '';
}
