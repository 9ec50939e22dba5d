import os from 'node:os';
import {render} from 'ink';
import type {CommandIo} from '../commands/io.js';
import {say} from '../commands/io.js';
import type {TuiOptions} from '../commands/program.js';
import {scanPolicyFolder} from '../operations/local-folder.js';
import {defaultDataDir} from '../server/data-dir.js';
import {enterAlternateScreen} from './alternate-screen.js';
import {apiSource} from './api-source.js';
import {App, type AppProps, type PolicySource} from './app.js';
import type {LogsStart} from './logs/start-options.js';
import {startupKeymap} from './startup-keymap.js';
import {colorAllowed, createTheme, ThemeContext} from './theme.js';

/** Signals that should close the app the way `q` does, restoring the terminal. */
const closingSignals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

const defaultRefreshSeconds = 5;

/** Runs the full-screen app until the user quits; returns the exit code. */
export async function startTui(options: TuiOptions, io: CommandIo): Promise<number> {
	if (!io.stdinIsTty || !io.stdoutIsTty) {
		const which = io.stdinIsTty ? 'standard output' : 'standard input';
		say(io, `Error: spytui's full-screen app needs an interactive terminal, and ${which} is not one. Run it in a terminal, or use a command such as \`spytui get policies\` or \`spytui validate -f FILE\` (see \`spytui --help\`).`);
		return 1;
	}
	const theme = createTheme({color: options.color && colorAllowed(io.env)});
	const keys = await startupKeymap(io);
	const api = options.dir === undefined ? apiSource(io, {...options, refreshMs: (options.refreshSeconds ?? defaultRefreshSeconds) * 1000, dataDir: defaultDataDir(io.env, io.home)}) : undefined;
	const source: PolicySource = api?.source ?? folderSource(options.dir ?? '.', io);
	const notices = [...(api?.notices ?? []), ...keys.notices];
	const notice: AppProps['notice'] = notices.length === 0 ? undefined : {level: notices.some(entry => entry.level !== 'info') ? 'warn' : 'info', text: notices.map(entry => entry.text).join('; ')};

	const leaveAlternateScreen = enterAlternateScreen(io.stdout);
	let exitCode = 0;
	try {
		const instance = render(
			<ThemeContext.Provider value={theme}>
				<App source={source} bindings={keys.bindings} {...(notice ? {notice} : {})} logs={logsStart(options)} />
			</ThemeContext.Provider>,
			{
				stdout: io.stdout as NodeJS.WriteStream,
				stdin: io.stdin as NodeJS.ReadStream,
				stderr: io.stderr as NodeJS.WriteStream,
				// Ctrl-C is a keymap binding, so it quits through the same path as q.
				exitOnCtrlC: false,
			},
		);
		const onSignal = (signal: NodeJS.Signals) => {
			exitCode = 128 + (os.constants.signals[signal] ?? 0);
			instance.unmount();
		};
		for (const signal of closingSignals) process.once(signal, onSignal);
		try {
			await instance.waitUntilExit();
		} finally {
			for (const signal of closingSignals) process.off(signal, onSignal);
		}
	} finally {
		leaveAlternateScreen();
		// An embedded server must not outlive the app, or the process would never exit.
		await api?.close();
	}
	return exitCode;
}

/** `spytui tail` opens the logs panel on the first frame; `--log-buffer` sizes it. */
function logsStart(options: TuiOptions): LogsStart {
	return {...(options.tail ? {open: options.tail} : {}), ...(options.logBuffer === undefined ? {} : {buffer: options.logBuffer})};
}

function folderSource(folder: string, io: CommandIo): PolicySource {
	return {kind: 'folder', mode: 'offline files', location: folder, load: async () => scanPolicyFolder(folder, io.cwd), saveDir: io.cwd};
}
