import fs from 'node:fs/promises';
import path from 'node:path';
import {type Command, Option} from 'commander';
import type {ServerPolicy} from '../api/policy-records.js';
import {findPolicies, formatTimestamp} from '../operations/policies.js';
import {toJson, toYaml} from '../policy/dump.js';
import {withBackend} from './backend-option.js';
import {deviationsColumn, registerGetDeviationsCommand} from './get-deviations.js';
import {type CommandIo, out, say} from './io.js';
import {plainTable} from './plain-table.js';
import {type ExtraColumn, policyTable, sortForDisplay, tableRow} from './policy-table.js';
import {timeOption, timeWindow} from './time-input.js';

type GetOptions = {
	type?: string;
	output: 'default' | 'wide' | 'yaml' | 'json' | 'ndjson';
	exact?: boolean;
	outputToFile?: boolean;
	getDeviations?: boolean;
	startTime?: number;
	endTime?: number;
};

export function registerGetCommands(program: Command, io: CommandIo): void {
	const get = program.command('get').description('Show resources from the API (policies)');
	get
		.command('policies')
		.alias('policy')
		.description('List policies as a table, or print them as YAML or JSON')
		.argument('[name_or_uid]', 'only policies whose name or uid contains this (uids work with or without pol:)')
		.addOption(new Option('--type <type>', 'only policies of this type').choices(['container', 'linux-service', 'cluster', 'trace']))
		.addOption(new Option('-o, --output <format>', 'output format').choices(['default', 'wide', 'yaml', 'json', 'ndjson']).default('default'))
		.option('-E, --exact', 'match the name or uid exactly instead of as a substring')
		.option('-O, --output-to-file', 'write each policy to its own file (NAME.yaml, or .json with -o json) instead of stdout')
		.option('--get-deviations', 'add DEVIATIONS_(UNIQ/TOT) to the table: distinct/all relevant deviations from -t to -e')
		.addOption(timeOption('-t, --start-time <time>', 'with --get-deviations: from this time (default: 24h)'))
		.addOption(timeOption('-e, --end-time <time>', 'with --get-deviations: up to this time (default: now)'))
		.action(async (nameOrUid: string | undefined, options: GetOptions) => {
			await withBackend(program, io, async ({client}) => {
				say(io, 'Getting policies');
				const policies = sortForDisplay(await findPolicies(client, nameOrUid, {exact: options.exact, type: options.type}));
				const table = options.output === 'default' || options.output === 'wide';
				const extra = options.getDeviations && table ? await deviationsColumn(client, policies, timeWindow(options, Date.now() / 1000), io) : undefined;
				if (options.outputToFile) await writeFiles(io, policies, options.output === 'json' ? 'json' : 'yaml');
				else out(io, render(policies, options.output, extra));
			});
		});
	registerGetDeviationsCommand(get, program, io);
}

function render(policies: ServerPolicy[], output: GetOptions['output'], extra?: ExtraColumn): string {
	const documents = policies.map(policy => policy.policy);
	switch (output) {
		case 'yaml':
			// Separate documents, unlike spyctl's single run-on stream: the output loads back with -f.
			return documents.map(document => toYaml(document)).join('---\n');
		case 'json':
			return toJson(documents.length === 1 ? documents[0] : {apiVersion: 'spyderbat/v1', items: documents});
		case 'ndjson':
			return documents.map(document => `${JSON.stringify(document)}\n`).join('');
		case 'wide':
			return plainTable(
				['UID', 'NAME', 'STATUS', 'TYPE', 'VERSION', 'CREATE_TIME', 'MODE', 'LAST_UPDATED', 'UPDATED_BY', ...(extra ? [extra.header] : [])],
				policies.map(policy => [
					...tableRow(policy),
					String(policy.policy.spec['mode'] ?? 'enforce'),
					formatTimestamp(policy.policy.metadata['lastUpdatedTimestamp']),
					String(policy.policy.metadata['lastUpdatedBy'] ?? 'N/A'),
					...(extra ? [extra.cell(policy)] : []),
				]),
			);
		case 'default':
			return policyTable(policies, extra);
	}
}

/** spyctl's -O: one file per policy, named after it, never overwriting an existing file. */
async function writeFiles(io: CommandIo, policies: ServerPolicy[], format: 'yaml' | 'json'): Promise<void> {
	for (const policy of policies) {
		const base = slugify(policy.name) || 'policy';
		for (let attempt = 0; ; attempt++) {
			const file = path.join(io.cwd, `${base}${attempt === 0 ? '' : `_${attempt}`}.${format}`);
			try {
				await fs.writeFile(file, format === 'json' ? toJson(policy.policy) : toYaml(policy.policy), {flag: 'wx'});
				say(io, `Saved output to ${path.relative(io.cwd, file)}`);
				break;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
		}
	}
}

function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replaceAll(/[^\w\s-]/g, '')
		.trim()
		.toLowerCase()
		.replaceAll(/[-\s]+/g, '-');
}
