import type {Command} from 'commander';
import {countFilters} from '../../config/context-filters.js';
import {type CommandIo, out} from '../io.js';
import {loadConfigReporting} from './load-reporting.js';
import {type TableOutput, tableOutputOption} from './output-option.js';
import {type Cell, plainTable} from '../plain-table.js';

export function registerGetContexts(config: Command, io: CommandIo): void {
	config
		.command('get-contexts')
		.description('List the contexts visible from this folder: the global config merged with any workspace configs.')
		.argument('[name]', 'show only this context')
		.addOption(tableOutputOption())
		.action(async (name: string | undefined, options: {output: TableOutput}) => {
			const loaded = await loadConfigReporting(io);
			const current = loaded.currentContext?.name;
			const wide = options.output === 'wide';
			const rows: Cell[][] = [...loaded.contexts.values()]
				.filter(context => name === undefined || context.name === name)
				.sort((a, b) => a.name.localeCompare(b.name))
				.map(context => {
					const marker = context.name === current ? '*' : '';
					const filters = countFilters(context.filters);
					return wide
						? [marker, context.name, context.organization, context.source, filters]
						: [marker, context.name, context.organization, filters];
				});
			const headers = wide
				? ['CURRENT', 'NAME', 'ORGANIZATION', 'LOCATION', 'FILTERS']
				: ['CURRENT', 'NAME', 'ORGANIZATION', 'FILTERS'];
			out(io, plainTable(headers, rows));
		});
}
