import type {Command} from 'commander';
import {UsageError} from './errors.js';
import {tuiOptionsOf} from './global-options.js';
import type {CommandIo} from './io.js';
import type {CliHooks} from './program.js';

/** `spytui tail [NAME_OR_UID]`: the app, opened straight on the live tail of one policy's log events, or of every policy's. */
export function registerTailCommand(program: Command, io: CommandIo, hooks: CliHooks, setExit: (code: number) => void): void {
	program
		.command('tail')
		.description("Open the app on a live tail of a policy's log events (of every policy's without one)")
		.argument('[name_or_uid]', 'the policy: its exact name or uid (with or without pol:), or a part that matches only it')
		.addHelpText('after', '\nIn the app: s follows or pauses, / searches, & filters, 0-6 pick the window, enter shows an event as JSON, ctrl+s saves, esc goes to the policy list; ? lists every key.')
		.action(async (nameOrUid: string | undefined) => {
			const options = tuiOptionsOf(program.opts());
			if (options.dir !== undefined) throw new UsageError('spytui tail reads the logs from the API; --dir browses files offline, which have none');
			setExit(await hooks.startTui({...options, tail: nameOrUid === undefined ? {} : {policy: nameOrUid}}, io));
		});
}
