import type {Command} from 'commander';
import {removeSecret} from '../../config/edit-secrets.js';
import {saveSecretsFile} from '../../config/save.js';
import {CommandError} from '../errors.js';
import {type CommandIo, say} from '../io.js';
import {confirm} from '../confirm.js';
import {loadConfigReporting} from './load-reporting.js';

export function registerDeleteApiSecret(config: Command, io: CommandIo, assumeYes: () => boolean): void {
	config
		.command('delete-apisecret')
		.description('Delete an apisecret from the global secrets file. Asks first unless -y is given.')
		.argument('<name>', 'apisecret to delete')
		.action(async (name: string) => {
			const file = (await loadConfigReporting(io)).globalSecrets;
			if (!file.secrets.some(secret => secret.name === name)) {
				throw new CommandError(`Unable to delete secret '${name}' from ${file.path}. Does not exist.`);
			}
			if (!(await confirm(io, `Are you sure you want to delete the secret "${name}"?`, assumeYes()))) {
				say(io, 'Delete cancelled, exiting...');
				return;
			}
			removeSecret(file.document, name);
			await saveSecretsFile(file);
			say(io, `Deleted secret '${name}' from ${file.path}`);
		});
}
