import {Command, CommanderError} from 'commander';
import packageJson from '../../package.json' with {type: 'json'};
import {type CommandIo, out, say} from './io.js';
import {CommandError} from './errors.js';
import {addGlobalOptions, type GlobalOptions, type TuiOptions, tuiOptionsOf} from './global-options.js';
import {registerValidateCommands} from './validate.js';
import {registerConfigCommands} from './config/register.js';
import {registerCreateCommands} from './create.js';
import {registerDiffCommands} from './diff.js';
import {registerMergeCommands} from './merge.js';
import {registerServeCommand} from './serve.js';
import {registerApplyCommand} from './apply.js';
import {registerDeleteCommand} from './delete.js';
import {registerGetCommands} from './get.js';
import {registerLogsCommand} from './logs.js';
import {registerDescribeCommand} from './describe.js';
import {registerEditCommand} from './edit.js';
import {registerTailCommand} from './tail.js';
import {ApiRequestError} from '../api/errors.js';

export type {GlobalOptions, TuiOptions} from './global-options.js';

export type CliHooks = {
	/** Starts the full-screen app. Injected so that plain commands never load ink. */
	startTui: (options: TuiOptions, io: CommandIo) => Promise<number>;
};

export function buildProgram(io: CommandIo, hooks: CliHooks, setExit: (code: number) => void): Command {
	const program = addGlobalOptions(new Command('spytui').description('Keyboard-driven terminal UI and CLI for Spyderbat policies (spyctl-compatible).'))
		.version(packageJson.version, '-V, --version', 'print the version of spytui')
		.showHelpAfterError('(run with --help for usage)')
		.exitOverride()
		.configureOutput({
			writeOut: text => out(io, text),
			writeErr: text => say(io, text),
		})
		.action(async (options: Parameters<typeof tuiOptionsOf>[0]) => {
			setExit(await hooks.startTui(tuiOptionsOf(options), io));
		});
	// Help is a command of its own so that `spytui help validate` works as in spyctl.
	program.helpCommand(true);
	registerValidateCommands(program, io, setExit);
	registerConfigCommands(program, io);
	registerCreateCommands(program, io, setExit);
	registerMergeCommands(program, io, setExit);
	registerDiffCommands(program, io, setExit);
	registerServeCommand(program, io, setExit);
	registerGetCommands(program, io);
	registerApplyCommand(program, io);
	registerDeleteCommand(program, io);
	registerLogsCommand(program, io);
	registerDescribeCommand(program, io);
	registerEditCommand(program, io);
	registerTailCommand(program, io, hooks, setExit);
	return program;
}

/** Runs one command line and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export async function runCli(argv: string[], io: CommandIo, hooks: CliHooks): Promise<number> {
	let code = 0;
	const program = buildProgram(io, hooks, c => {
		code = c;
	});
	try {
		await program.parseAsync(argv, {from: 'user'});
		return code;
	} catch (error) {
		if (error instanceof CommanderError) {
			// Help and version exit 0; everything else commander rejects is a usage error.
			return error.exitCode === 0 ? 0 : 2;
		}
		if (error instanceof CommandError) {
			say(io, `Error: ${error.message}`);
			return error.exitCode;
		}
		if (error instanceof ApiRequestError) {
			// spyctl prints the trace id on a line of its own; support asks for it.
			say(io, `Error: ${error.message}${error.details.contextUid ? `\n\tContext UID: ${error.details.contextUid}` : ''}`);
			return 1;
		}
		const debug = Boolean(program.opts<GlobalOptions>().debug);
		const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
		say(io, `Error: ${detail}`);
		if (!debug) say(io, 'Run again with --debug for details.');
		return 1;
	}
}
