import {useCallback, useMemo, useReducer, useRef} from 'react';
import {useStdout} from 'ink';
import type {Backend} from '../operations/backend.js';
import type {Draft, DraftStore} from '../operations/drafts.js';
import type {FolderScan} from '../operations/local-folder.js';
import {Screen} from './components/screen.js';
import type {Binding} from './keymap.js';
import {type Action, type FlashLevel, initialState, type Origin, reducer, type Task} from './store.js';
import {runTask, type TaskContext} from './tasks.js';
import {terminalSize, useFlashExpiry, useLoad, useQuit, useResize} from './use-effects.js';
import {useDraftPersistence} from './use-drafts.js';
import {useKeyDispatcher} from './use-key-dispatcher.js';
import {initialLogs, type LogsStart, logsPollMs} from './logs/start-options.js';
import {useLogTail} from './logs/use-log-tail.js';
import {useRefresh} from './use-refresh.js';
import {useTasks} from './use-tasks.js';

/** Policy files in a folder, browsed offline and read-only. */
export type FolderSource = {
	kind: 'folder';
	/** Shown in the header as `mode: location`, e.g. `offline files: examples`. */
	mode: string;
	location: string;
	/** Called once per (re)load; keep the same function for the app's lifetime. */
	load: () => Promise<FolderScan>;
	/** Where `s` writes files. */
	saveDir: string;
};

/** The Spyderbat API (or the embedded server), with drafts kept on disk. */
export type ApiSource = {
	kind: 'api';
	connect: TaskContext['connect'];
	drafts: DraftStore;
	/** Where the drafts live, for the quit dialog to say. */
	draftsFolder: string;
	/** Drafts found on disk at start. */
	restored: ReadonlyMap<string, Draft>;
	readOnly: boolean;
	refreshMs: number;
	/** Where `s` writes files. */
	saveDir: string;
	/** Where `E` puts the file it opens in the editor. */
	tempDir: string;
	openEditor: TaskContext['openEditor'];
};

export type PolicySource = FolderSource | ApiSource;

export type AppProps = {
	source: PolicySource;
	/** The keymap with the user's overrides. */
	bindings?: readonly Binding[];
	/** Said in the flash line on the first frame. */
	notice?: {level: FlashLevel; text: string};
	/** The logs panel: open from the first frame (`spytui tail`), its size and poll interval. */
	logs?: LogsStart;
};

export function App({source, bindings, notice, logs}: AppProps) {
	const {stdout} = useStdout();
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState(terminalSize(stdout), {...initialOptions(source, bindings, notice), ...initialLogs(source.kind === 'api' ? logs : undefined)}),
	);
	// The API in use is a resource, not something to render: tasks replace it, loads and tasks read it.
	const backend = useRef<Backend | undefined>(undefined);

	const load = useCallback(
		async (request: number): Promise<Action> => {
			if (source.kind === 'folder') return {type: 'loaded', request, scan: await source.load()};
			const client = backend.current?.client;
			if (!client) throw new Error('not connected to the API');
			const policies = await client.listPolicies();
			return {type: 'listed', request, policies, at: Date.now() / 1000};
		},
		[source],
	);
	const run = useMemo(() => {
		if (source.kind === 'folder') return async (task: Task) => runTask(task, folderTasks(source));
		const context: TaskContext = {
			backend: () => backend.current,
			connect: async context => {
				backend.current = await source.connect(context);
				return backend.current;
			},
			saveDir: source.saveDir,
			tempDir: source.tempDir,
			openEditor: source.openEditor,
		};
		return async (task: Task) => runTask(task, context);
	}, [source]);

	useKeyDispatcher(dispatch);
	useResize(dispatch);
	useLoad(load, state.load.request, dispatch);
	useTasks(state.task, run, dispatch);
	useRefresh(refreshDelay(source, state.connection), state.load.phase === 'idle', state.load.request, dispatch);
	useDraftPersistence(source.kind === 'api' ? source.drafts : undefined, state.drafts, dispatch);
	useFlashExpiry(state.flash, dispatch);
	useQuit(state.quitting);
	const client = useCallback(() => backend.current?.client, []);
	useLogTail(state.logs, client, state.connection.backend, dispatch, {pollMs: logs?.pollMs ?? logsPollMs, saveDir: source.saveDir});
	return <Screen state={state} />;
}

function initialOptions(source: PolicySource, bindings: readonly Binding[] | undefined, notice: AppProps['notice']) {
	const origin: Origin = source.kind === 'folder' ? {kind: 'folder', mode: source.mode, location: source.location} : {kind: 'api', readOnly: source.readOnly, draftsFolder: source.draftsFolder};
	return {origin, ...(bindings ? {bindings} : {}), ...(source.kind === 'api' ? {drafts: source.restored} : {}), ...(notice ? {notice} : {})};
}

/** Offline, only `s` has a task, and it writes next to where spytui runs. */
function folderTasks(source: FolderSource): TaskContext {
	return {
		backend: () => undefined,
		connect: async () => {
			throw new Error(`the offline folder view (${source.location}) has no API`);
		},
		saveDir: source.saveDir,
		tempDir: source.saveDir,
		openEditor: () => undefined,
	};
}

/** After a failure, sooner: 1 s, 2 s, 4 s, up to the refresh interval. */
function refreshDelay(source: PolicySource, connection: {phase: string; failures: number; backend?: unknown}): number | undefined {
	if (source.kind === 'folder' || connection.backend === undefined) return undefined;
	if (connection.failures === 0) return source.refreshMs;
	return Math.min(source.refreshMs, 1000 * 2 ** (connection.failures - 1));
}
