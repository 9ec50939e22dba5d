import {Command, CommanderError, InvalidArgumentError} from 'commander';
import {type CommandIo, out, say} from './io.js';
import {CommandError} from './errors.js';
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
import {ApiRequestError} from '../api/errors.js';

export type TuiOptions = {
	/** Folder of policy files to browse offline; without it the app works on the API. */
	dir?: string;
	/** False when --no-color was given; NO_COLOR is read from the environment as well. */
	color: boolean;
	/** `--context NAME`: this spyctl context instead of the current one. */
	context?: string;
	/** `--local`: the embedded server even when a context is configured. */
	local?: boolean;
	/** `--read-only`: every key that would change something is off. */
	readOnly?: boolean;
	/** `--refresh SECONDS`: how often the policy list is fetched again. */
	refreshSeconds?: number;
};

export type CliHooks = {
	/** Starts the full-screen app. Injected so that plain commands never load ink. */
	startTui: (options: TuiOptions, io: CommandIo) => Promise<number>;
};

/** Options every command accepts, read through program.opts(). */
export type GlobalOptions = {
	context?: string;
	local?: boolean;
	color: boolean;
	yes?: boolean;
	debug?: boolean;
};

export function buildProgram(io: CommandIo, hooks: CliHooks, setExit: (code: number) => void): Command {
	const program = new Command('spytui')
		.description('Keyboard-driven terminal UI and CLI for Spyderbat policies (spyctl-compatible).')
		.option('--context <name>', 'use this spyctl context instead of the current one')
		.option('--local', 'use the embedded API server even when a spyctl context is configured')
		.option('--no-color', 'never colour output (NO_COLOR is honoured too)')
		.option('-y, --yes', 'answer yes to every prompt')
		.option('--debug', 'print details of failures')
		.option('--dir <dir>', 'browse the policy files in DIR, offline and read-only, instead of the API')
		.option('--read-only', 'open the app with every key that changes something turned off')
		.option('--refresh <seconds>', 'refresh the app\'s policy list every SECONDS (default: 5)', refreshSeconds)
		.showHelpAfterError('(run with --help for usage)')
		.exitOverride()
		.configureOutput({
			writeOut: text => out(io, text),
			writeErr: text => say(io, text),
		})
		.action(async (options: {dir?: string; readOnly?: boolean; refresh?: number} & GlobalOptions) => {
			setExit(
				await hooks.startTui(
					{dir: options.dir, color: options.color, context: options.context, local: options.local, readOnly: options.readOnly, refreshSeconds: options.refresh},
					io,
				),
			);
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
	return program;
}

function refreshSeconds(text: string): number {
	const seconds = Number(text);
	// Below a second the list would be fetched faster than anyone can read it, and a remote API would feel it.
	if (!Number.isFinite(seconds) || seconds < 1) throw new InvalidArgumentError('give a number of seconds, 1 or more.');
	return seconds;
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
