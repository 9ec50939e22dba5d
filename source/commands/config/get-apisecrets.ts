import type {Command} from 'commander';
import {maskKey} from '../../config/redact.js';
import {type CommandIo, out} from '../io.js';
import {loadConfigReporting} from './load-reporting.js';
import {type TableOutput, tableOutputOption} from './output-option.js';
import {type Cell, plainTable} from '../plain-table.js';

const secondsPerDay = 86_400;

export function registerGetApiSecrets(config: Command, io: CommandIo): void {
	config
		.command('get-apisecrets')
		.description('List the apisecrets visible from this folder. Keys are never shown in full.')
		.argument('[name]', 'show only this apisecret')
		.addOption(tableOutputOption())
		.action(async (name: string | undefined, options: {output: TableOutput}) => {
			const loaded = await loadConfigReporting(io);
			const wide = options.output === 'wide';
			const nowSeconds = Date.now() / 1000;
			const rows: Cell[][] = [...loaded.secrets.values()]
				.filter(secret => name === undefined || secret.name === name)
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(secret => {
					const age = secret.creationTimestamp === undefined ? 'unknown' : `${Math.floor((nowSeconds - secret.creationTimestamp) / secondsPerDay)}d`;
					return wide ? [secret.name, age, maskKey(secret.apiKey), secret.apiUrl] : [secret.name, age];
				});
			out(io, plainTable(wide ? ['NAME', 'AGE', 'KEY', 'URL'] : ['NAME', 'AGE'], rows));
		});
}
