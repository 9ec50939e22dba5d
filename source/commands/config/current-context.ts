import type {Command} from 'commander';
import {CommandError} from '../errors.js';
import {type CommandIo, out} from '../io.js';
import {isSet} from '../../config/load-config.js';
import {loadConfigReporting} from './load-reporting.js';

export function registerCurrentContext(config: Command, io: CommandIo): void {
	config
		.command('current-context')
		.description('Print the name of the current context.')
		.option('-g, --global', 'show the current context of the global config, ignoring workspaces')
		.action(async (options: {global?: boolean}) => {
			const loaded = await loadConfigReporting(io);
			const globalName = loaded.globalConfig.currentContext;
			const name = options.global ? (isSet(globalName) ? globalName : undefined) : loaded.currentContext?.name;
			if (name === undefined) {
				throw new CommandError(
					loaded.contexts.size > 0
						? "No current context. Use 'spytui config use-context' to set one."
						: "No current context. Use 'spytui config set-context' to create and set one.",
				);
			}
			out(io, `${name}\n`);
		});
}
