import type {Command} from 'commander';
import {setCurrentContext} from '../../config/edit-config.js';
import {saveConfigFile} from '../../config/save.js';
import {CommandError} from '../errors.js';
import {type CommandIo, say} from '../io.js';
import {loadConfigReporting} from './load-reporting.js';

export function registerUseContext(config: Command, io: CommandIo): void {
	config
		.command('use-context')
		.description('Set the current context, in the nearest workspace config or else the global one.')
		.argument('<name>', 'context to make current')
		.option('-g, --global', 'set it in the global config even inside a workspace')
		.action(async (name: string, options: {global?: boolean}) => {
			const loaded = await loadConfigReporting(io);
			const target = options.global ? loaded.globalConfig : loaded.nearestConfig;
			const known = options.global ? target.contexts.some(context => context.name === name) : loaded.contexts.has(name);
			if (!known) {
				throw new CommandError(
					`Unable to set current context '${name}' for ${target.path}. Context does not exist in target config.`,
				);
			}
			setCurrentContext(target.document, name);
			await saveConfigFile(target);
			say(io, `Set current context to '${name}' in configuration file '${target.path}'.`);
		});
}
