import {type Command, InvalidArgumentError, Option} from 'commander';
import type {PolicyLogEvent} from '../api/search-records.js';
import {decodeIterator, followLogs, IteratorError, readLogBatch} from '../operations/logs.js';
import {findOnePolicy, formatTimestamp} from '../operations/policies.js';
import {withBackend} from './backend-option.js';
import {UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import {timeOption, timeWindow} from './time-input.js';

type LogsOptions = {
	follow?: boolean;
	startTime?: number;
	endTime?: number;
	tail: number;
	timestamps?: boolean;
	full?: boolean;
	sinceIterator?: string;
};

const pollMs = 2500;
/** Overrides the follow interval. Meant for tests, which must not wait 2.5 s a poll. */
const pollEnv = 'SPYTUI_LOGS_POLL_MS';

export function registerLogsCommand(program: Command, io: CommandIo): void {
	program
		.command('logs')
		.description('Show the logs of a resource (policies)')
		.command('policy')
		.alias('policies')
		.description("Print a policy's log messages (deviations, actions, flags), oldest first")
		.argument('<name_or_uid>', 'the policy: its exact name or uid (with or without pol:), or a part that matches only it')
		.option('-f, --follow', 'keep printing new logs, polling every 2.5 s, until Ctrl-C')
		.addOption(timeOption('-t, --start-time <time>', 'logs since this time: epoch, 30m, 2h, 1.5d, 1w or a date (default: 24h)'))
		.addOption(timeOption('-e, --end-time <time>', 'logs up to this time (default: now); not with --follow'))
		.addOption(new Option('--tail <n>', 'only the last N logs (of the first read, with --follow); -1 for all').argParser(wholeNumber).default(-1))
		.option('--timestamps', 'start each line with the time of the log')
		.option('--full', 'print each log record as JSON on one line instead of its message')
		.addOption(new Option('--since-iterator <iterator>', "resume after the logs a previous run printed (its 'Last Log Iterator')").argParser(iterator))
		.addHelpText('after', `\nThe last iterator is printed on stderr when the command ends, also after Ctrl-C with --follow.\nEnvironment: ${pollEnv} sets the --follow poll interval in milliseconds (for tests).`)
		.action(async (nameOrUid: string, options: LogsOptions) => {
			if (options.follow && options.endTime !== undefined) throw new UsageError('--end-time cannot be used with --follow, which reads up to now until stopped');
			const window = timeWindow(options, Date.now() / 1000);
			const print = (events: PolicyLogEvent[]) => {
				out(io, events.map(event => `${logLine(event, options)}\n`).join(''));
			};
			await withBackend(program, io, async ({client}) => {
				const policy = await findOnePolicy(client, nameOrUid);
				if (!options.follow) {
					const batch = await readLogBatch(client, policy.uid, window, {since: options.sinceIterator, tail: options.tail});
					print(batch.events);
					say(io, `Last Log Iterator: ${batch.iterator ?? 'N/A'}`);
					return;
				}
				const interval = pollInterval(io);
				const interrupt = interruptSignal();
				try {
					const last = await followLogs(client, {
						policyUid: policy.uid,
						startTime: window.startTime,
						since: options.sinceIterator,
						tail: options.tail,
						pollMs: interval,
						signal: interrupt.signal,
						onEvents: print,
						onRetry(error, failures) {
							// One line per outage, not one per poll.
							if (failures === 1) say(io, `Lost the connection to the API (${error.message}); retrying every ${interval / 1000} s`);
						},
					});
					say(io, `Last Log Iterator: ${last ?? 'N/A'}`);
				} finally {
					interrupt.dispose();
				}
			});
		});
}

/** `[<YYYY-MM-DDTHH:mm:ssZ> -- ]<message>`, or the whole record with --full. */
function logLine(event: PolicyLogEvent, options: LogsOptions): string {
	const stamp = options.timestamps ? `${formatTimestamp(event.time)} -- ` : '';
	return `${stamp}${options.full ? JSON.stringify(event) : event.message}`;
}

function pollInterval(io: CommandIo): number {
	const override = Number(io.env[pollEnv]);
	return Number.isFinite(override) && override > 0 ? override : pollMs;
}

/**
 * Ctrl-C (or a TERM) ends --follow as a normal stop, exit 0. The handlers are
 * removed afterwards, so a second Ctrl-C during clean-up still kills the process.
 */
function interruptSignal(): {signal: AbortSignal; dispose: () => void} {
	const controller = new AbortController();
	const stop = () => {
		controller.abort();
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return {
		signal: controller.signal,
		dispose() {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
		},
	};
}

function wholeNumber(value: string): number {
	if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number');
	return Number(value);
}

/** Checked while the command line is parsed, so a mangled iterator is a usage error. */
function iterator(value: string): string {
	try {
		decodeIterator(value);
		return value;
	} catch (error) {
		if (error instanceof IteratorError) throw new InvalidArgumentError(error.message);
		throw error;
	}
}
