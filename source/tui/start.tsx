import os from 'node:os';
import type {ReactNode} from 'react';
import {render} from 'ink';
import type {CommandIo} from '../commands/io.js';
import {say} from '../commands/io.js';
import type {TuiOptions} from '../commands/program.js';
import {enterAlternateScreen} from './alternate-screen.js';
import {Splash} from './components/splash.js';
import type {LaunchedApp} from './launch.js';
import {colorAllowed, createTheme, ThemeContext} from './theme.js';

/** Signals that should close the app the way `q` does, restoring the terminal. */
const closingSignals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/**
 * Runs the full-screen app until the user quits; returns the exit code.
 *
 * Only Ink, React and a splash are loaded before the first frame. The app
 * itself (its validators, YAML, HTTP client and drafts) is most of the code
 * to compile, and is loaded while the splash is on screen.
 */
export async function startTui(options: TuiOptions, io: CommandIo): Promise<number> {
	if (!io.stdinIsTty || !io.stdoutIsTty) {
		const which = io.stdinIsTty ? 'standard output' : 'standard input';
		say(io, `Error: spytui's full-screen app needs an interactive terminal, and ${which} is not one. Run it in a terminal, or use a command such as \`spytui get policies\` or \`spytui validate -f FILE\` (see \`spytui --help\`).`);
		return 1;
	}
	const theme = createTheme({color: options.color && colorAllowed(io.env)});
	const themed = (node: ReactNode) => <ThemeContext.Provider value={theme}>{node}</ThemeContext.Provider>;

	const leaveAlternateScreen = enterAlternateScreen(io.stdout);
	let exitCode = 0;
	let launched: LaunchedApp | undefined;
	try {
		const instance = render(themed(<Splash />), {
			stdout: io.stdout as NodeJS.WriteStream,
			stdin: io.stdin as NodeJS.ReadStream,
			stderr: io.stderr as NodeJS.WriteStream,
			// Ctrl-C is a keymap binding, so it quits through the same path as q.
			exitOnCtrlC: false,
		});
		let closed = false;
		const exited = instance.waitUntilExit().finally(() => {
			closed = true;
		});
		const onSignal = (signal: NodeJS.Signals) => {
			exitCode = 128 + (os.constants.signals[signal] ?? 0);
			instance.unmount();
		};
		for (const signal of closingSignals) process.once(signal, onSignal);
		try {
			try {
				const {launchApp} = await import('./launch.js');
				launched = await launchApp(options, io);
			} catch (error) {
				instance.unmount();
				throw error;
			}
			// A q or a signal during the load has already closed the splash.
			if (!closed) instance.rerender(themed(launched.element));
			await exited;
		} finally {
			for (const signal of closingSignals) process.off(signal, onSignal);
		}
	} finally {
		leaveAlternateScreen();
		await launched?.close();
	}
	return exitCode;
}
