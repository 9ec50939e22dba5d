import type {Command} from 'commander';
import {removeContext, setCurrentContext} from '../../config/edit-config.js';
import {loadConfig} from '../../config/load-config.js';
import {saveConfigFile} from '../../config/save.js';
import {noCurrentContext} from '../../config/spyctl-format.js';
import {CommandError} from '../errors.js';
import {type CommandIo, say} from '../io.js';
import {loadConfigReporting} from './load-reporting.js';

export function registerDeleteContext(config: Command, io: CommandIo): void {
	config
		.command('delete-context')
		.description('Delete a context from the config file that defines it.')
		.argument('<name>', 'context to delete')
		.option('-g, --global', 'delete it from the global config even if a workspace defines it too')
		.action(async (name: string, options: {global?: boolean}) => {
			const loaded = await loadConfigReporting(io);
			const source = loaded.contexts.get(name)?.source;
			const target = options.global
				? loaded.globalConfig
				: (loaded.configFiles.find(file => file.path === source) ?? loaded.nearestConfig);
			if (!target.contexts.some(context => context.name === name)) {
				throw new CommandError(
					`Unable to delete context '${name}' from ${target.path}. Context does not exist in target config.`,
				);
			}
			removeContext(target.document, name);
			// With none left here, the file's current-context becomes unset and an outer file's applies.
			const fallback = target.contexts.find(context => context.name !== name)?.name;
			if (target.currentContext === name) setCurrentContext(target.document, fallback ?? noCurrentContext);
			await saveConfigFile(target);
			say(io, `Deleted context '${name}' in configuration file '${target.path}'.`);
			if (target.currentContext === name && fallback !== undefined) {
				say(io, `Current context at ${target.path} deleted. Updating to fallback context '${fallback}'.`);
			}
			if ((await loadConfig(io)).contexts.size === 0) {
				say(io, "Configuration has no contexts. Use 'spytui config set-context' to add one.");
			}
		});
}
