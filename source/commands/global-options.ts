import {type Command, InvalidArgumentError} from 'commander';

/** What the full-screen app is started with. */
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
	/** False when `--no-observer` was given: the embedded server does not watch this machine. */
	observer?: boolean;
	/** `--log-buffer EVENTS`: how many events the logs panel keeps. */
	logBuffer?: number;
	/** `spytui tail [NAME_OR_UID]`: open the logs panel of one policy, or (no policy) of all, on the first frame. */
	tail?: {policy?: string};
};

/** Options every command accepts, read through program.opts(). */
export type GlobalOptions = {
	context?: string;
	local?: boolean;
	color: boolean;
	yes?: boolean;
	debug?: boolean;
};

type ParsedGlobals = GlobalOptions & {dir?: string; readOnly?: boolean; refresh?: number; observer?: boolean; logBuffer?: number};

/**
 * The options of `spytui` itself. Defined once: the full command line and the
 * quick path that opens the app without loading every command both use them.
 */
export function addGlobalOptions(command: Command): Command {
	return command
		.option('--context <name>', 'use this spyctl context instead of the current one')
		.option('--local', 'use the embedded API server even when a spyctl context is configured')
		.option('--no-color', 'never colour output (NO_COLOR is honoured too)')
		.option('-y, --yes', 'answer yes to every prompt')
		.option('--debug', 'print details of failures')
		.option('--dir <dir>', 'browse the policy files in DIR, offline and read-only, instead of the API')
		.option('--read-only', 'open the app with every key that changes something turned off')
		.option('--refresh <seconds>', "refresh the app's policy list every SECONDS (default: 5)", refreshSeconds)
		.option('--no-observer', "don't let the embedded server watch this machine's processes and connections")
		.option('--log-buffer <events>', 'events the logs panel keeps before the oldest make room (default: 10000)', logBuffer);
}

export function tuiOptionsOf(options: ParsedGlobals): TuiOptions {
	return {
		dir: options.dir,
		color: options.color,
		context: options.context,
		local: options.local,
		readOnly: options.readOnly,
		refreshSeconds: options.refresh,
		observer: options.observer,
		logBuffer: options.logBuffer,
	};
}

function refreshSeconds(text: string): number {
	const seconds = Number(text);
	// Below a second the list would be fetched faster than anyone can read it, and a remote API would feel it.
	if (!Number.isFinite(seconds) || seconds < 1) throw new InvalidArgumentError('give a number of seconds, 1 or more.');
	return seconds;
}

function logBuffer(text: string): number {
	const events = Number(text);
	if (!Number.isInteger(events) || events < 1) throw new InvalidArgumentError('give a whole number of events, 1 or more.');
	return events;
}
