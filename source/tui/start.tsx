import os from 'node:os';
import v8 from 'node:v8';
import type {ReactNode} from 'react';
import {render} from 'ink';
import type {CommandIo} from '../commands/io.js';
import {say} from '../commands/io.js';
import type {TuiOptions} from '../commands/program.js';
import {enterAlternateScreen} from './alternate-screen.js';
import {Splash} from './components/splash.js';
import type {LaunchedApp} from './launch.js';
import {colorAllowed, createTheme, ThemeContext} from './theme.js';

/**
 * V8 lets the old generation grow to several times its live data before it
 * collects it. A log tail at thousands of events a second promotes events that
 * are dropped from the ring two seconds later, so the app's heap was mostly
 * such garbage: 230-300 MB resident over some 60 MB live. Growing by at most
 * this share between full collections keeps it under 200 MB; those
 * collections run mostly beside the app, and the logs bench saw no change in
 * key latency.
 */
const heapGrowingPercent = 50;

/** Ink's render throttle: at most this many frames a second, so at most about 8 ms between a key and its frame. */
const keyFrameFps = 120;

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
	// Read whenever V8 sets its next collection limit, so setting it now, before the heap has grown, takes effect.
	v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
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
			// The log tail batches its own updates to at most 30 a second; Ink's throttle on top of that only held a key's frame back behind the last one, by up to 33 ms.
			maxFps: keyFrameFps,
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
