import type {ReactElement} from 'react';
import type {CommandIo} from '../commands/io.js';
import type {TuiOptions} from '../commands/program.js';
import {scanPolicyFolder} from '../operations/local-folder.js';
import {defaultDataDir} from '../server/data-dir.js';
import {apiSource} from './api-source.js';
import {App, type AppProps, type PolicySource} from './app.js';
import type {LogsStart} from './logs/start-options.js';
import {startupKeymap} from './startup-keymap.js';

const defaultRefreshSeconds = 5;

export type LaunchedApp = {
	element: ReactElement;
	/** Closes the API in use: an embedded server must not outlive the app. */
	close: () => Promise<void>;
};

/** The app for these options: its keymap, where its policies come from, and the notices for its first frame. */
export async function launchApp(options: TuiOptions, io: CommandIo): Promise<LaunchedApp> {
	const keys = await startupKeymap(io);
	const api = options.dir === undefined ? apiSource(io, {...options, refreshMs: (options.refreshSeconds ?? defaultRefreshSeconds) * 1000, dataDir: defaultDataDir(io.env, io.home)}) : undefined;
	const source: PolicySource = api?.source ?? folderSource(options.dir ?? '.', io);
	const notices = [...(api?.notices ?? []), ...keys.notices];
	const notice: AppProps['notice'] = notices.length === 0 ? undefined : {level: notices.some(entry => entry.level !== 'info') ? 'warn' : 'info', text: notices.map(entry => entry.text).join('; ')};
	return {
		element: <App source={source} bindings={keys.bindings} {...(notice ? {notice} : {})} logs={logsStart(options)} />,
		close: async () => api?.close(),
	};
}

/** `spytui tail` opens the logs panel on the first frame; `--log-buffer` sizes it. */
function logsStart(options: TuiOptions): LogsStart {
	return {...(options.tail ? {open: options.tail} : {}), ...(options.logBuffer === undefined ? {} : {buffer: options.logBuffer})};
}

function folderSource(folder: string, io: CommandIo): PolicySource {
	return {kind: 'folder', mode: 'offline files', location: folder, load: async () => scanPolicyFolder(folder, io.cwd), saveDir: io.cwd};
}
