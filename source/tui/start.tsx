import os from 'node:os';
import {render} from 'ink';
import type {CommandIo} from '../commands/io.js';
import {say} from '../commands/io.js';
import type {TuiOptions} from '../commands/program.js';
import {bundledExamplesDir} from '../operations/bundled-examples.js';
import {scanPolicyFolder} from '../operations/local-folder.js';
import {enterAlternateScreen} from './alternate-screen.js';
import {App, type PolicySource} from './app.js';
import {colorAllowed, createTheme, ThemeContext} from './theme.js';

/** Signals that should close the app the way `q` does, restoring the terminal. */
const closingSignals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/** Runs the full-screen app until the user quits; returns the exit code. */
export async function startTui(options: TuiOptions, io: CommandIo): Promise<number> {
	if (!io.stdinIsTty || !io.stdoutIsTty) {
		const which = io.stdinIsTty ? 'standard output' : 'standard input';
		say(io, `Error: spytui's full-screen app needs an interactive terminal, and ${which} is not one. Run it in a terminal, or use a command such as \`spytui validate -f FILE\` (see \`spytui --help\`).`);
		return 1;
	}
	const folder = options.dir ?? bundledExamplesDir();
	const source: PolicySource = {mode: 'offline files', location: folder, load: async () => scanPolicyFolder(folder, io.cwd)};
	const theme = createTheme({color: options.color && colorAllowed(io.env)});

	const leaveAlternateScreen = enterAlternateScreen(io.stdout);
	let exitCode = 0;
	try {
		const instance = render(
			<ThemeContext.Provider value={theme}>
				<App source={source} />
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
	}
	return exitCode;
}
