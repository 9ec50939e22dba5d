#!/usr/bin/env node
import {processIo} from './source/commands/io.js';
import {runCli} from './source/commands/program.js';

const io = processIo();
process.exitCode = await runCli(process.argv.slice(2), io, {
	async startTui(options, tuiIo) {
		const {startTui} = await import('./source/tui/start.js');
		return startTui(options, tuiIo);
	},
});
