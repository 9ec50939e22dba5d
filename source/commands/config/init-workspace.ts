import fs from 'node:fs/promises';
import type {Command} from 'commander';
import {Document} from 'yaml';
import {globalLocation, locationIn} from '../../config/paths.js';
import {saveConfigFile} from '../../config/save.js';
import {configTemplate} from '../../config/spyctl-format.js';
import {type CommandIo, say} from '../io.js';
import {confirm} from '../confirm.js';

export function registerInitWorkspace(config: Command, io: CommandIo, assumeYes: () => boolean): void {
	config
		.command('init-workspace')
		.description(
			'Create .spyctl/config in the current folder. Its contexts and current context apply in this folder and below, over the global config.',
		)
		.action(async () => {
			const location = locationIn(io.cwd);
			const exists = await fs.stat(location.config).then(
				() => true,
				() => false,
			);
			if (exists) {
				const question =
					location.dir === globalLocation(io.home).dir
						? `Are you sure you want to reset the global spytui configuration file '${location.config}'`
						: `A spytui configuration file already exists at '${location.config}'. Are you sure you want to reset it?`;
				if (!(await confirm(io, question, assumeYes()))) {
					say(io, `Kept the existing configuration file at ${location.config}.`);
					return;
				}
			}
			await saveConfigFile({path: location.config, document: new Document(configTemplate())});
			say(io, `${exists ? 'Reset' : 'Created'} configuration file at ${location.config}.`);
		});
}
