import type {Command} from 'commander';
import {findPolicies} from '../operations/policies.js';
import {withBackend} from './backend-option.js';
import {confirm} from './confirm.js';
import {CommandError} from './errors.js';
import {type CommandIo, say} from './io.js';
import type {GlobalOptions} from './program.js';

export function registerDeleteCommand(program: Command, io: CommandIo): void {
	program
		.command('delete')
		.description('Delete resources from the API')
		.command('policy')
		.description('Delete the policies whose name or uid contains NAME_OR_UID, confirming each one')
		.argument('<name_or_uid>', 'policy name or uid (with or without pol:)')
		.option('-E, --exact', 'match the name or uid exactly instead of as a substring')
		.action(async (nameOrUid: string, options: {exact?: boolean}) => {
			const assumeYes = Boolean(program.opts<GlobalOptions>().yes);
			await withBackend(program, io, async ({client}) => {
				const matches = await findPolicies(client, nameOrUid, {exact: options.exact});
				if (matches.length === 0) throw new CommandError(`No policies matching name_or_uid '${nameOrUid}'`);
				// Refuse before the first question: a partial run with no one to answer helps nobody.
				if (!assumeYes && !io.stdinIsTty) throw new CommandError(`Refusing to delete ${matches.length} polic${matches.length === 1 ? 'y' : 'ies'} without confirmation: stdin is not a terminal. Pass -y to confirm.`);
				for (const policy of matches) {
					const label = `'${policy.name} - ${policy.uid}'`;
					if (await confirm(io, `Are you sure you want to delete policy ${label} from Spyderbat?`, assumeYes, 'yes')) {
						await client.deletePolicy(policy.uid);
						say(io, `Successfully deleted policy ${label}`);
					} else {
						say(io, `Skipping delete of ${label}`);
					}
				}
			});
		});
}
