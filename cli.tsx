#!/usr/bin/env node
import type {TuiOptions} from './source/commands/global-options.js';
import {type CommandIo, processIo} from './source/commands/io.js';
import {tuiInvocation} from './source/commands/tui-invocation.js';

const io = processIo();
const argv = process.argv.slice(2);
const tui = tuiInvocation(argv);

async function startTui(options: TuiOptions, tuiIo: CommandIo): Promise<number> {
	const {startTui} = await import('./source/tui/start.js');
	return startTui(options, tuiIo);
}

// Opening the app loads only the app; every other command line loads the full CLI.
if (tui) {
	process.exitCode = await startTui(tui, io);
} else {
	const {runCli} = await import('./source/commands/program.js');
	process.exitCode = await runCli(argv, io, {startTui});
}
