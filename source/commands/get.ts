import fs from 'node:fs/promises';
import path from 'node:path';
import {type Command, Option} from 'commander';
import type {ServerPolicy} from '../api/policy-records.js';
import {findPolicies, formatTimestamp, statusOf} from '../operations/policies.js';
import {toJson, toYaml} from '../policy/dump.js';
import {withBackend} from './backend-option.js';
import {type CommandIo, out, say} from './io.js';
import {plainTable} from './plain-table.js';

type GetOptions = {type?: string; output: 'default' | 'wide' | 'yaml' | 'json' | 'ndjson'; exact?: boolean; outputToFile?: boolean};

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
		.action(async (nameOrUid: string | undefined, options: GetOptions) => {
			await withBackend(program, io, async ({client}) => {
				say(io, 'Getting policies');
				const policies = sortForDisplay(await findPolicies(client, nameOrUid, {exact: options.exact, type: options.type}));
				if (options.outputToFile) await writeFiles(io, policies, options.output === 'json' ? 'json' : 'yaml');
				else out(io, render(policies, options.output));
			});
		});
}

function sortForDisplay(policies: ServerPolicy[]): ServerPolicy[] {
	return [...policies].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
}

function render(policies: ServerPolicy[], output: GetOptions['output']): string {
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
				['UID', 'NAME', 'STATUS', 'TYPE', 'VERSION', 'CREATE_TIME', 'MODE', 'LAST_UPDATED', 'UPDATED_BY'],
				policies.map(policy => [...tableRow(policy), String(policy.policy.spec['mode'] ?? 'enforce'), formatTimestamp(policy.policy.metadata['lastUpdatedTimestamp']), String(policy.policy.metadata['lastUpdatedBy'] ?? 'N/A')]),
			);
		case 'default':
			return plainTable(['UID', 'NAME', 'STATUS', 'TYPE', 'VERSION', 'CREATE_TIME'], policies.map(policy => tableRow(policy)));
	}
}

function tableRow(policy: ServerPolicy): Array<string | number> {
	return [policy.uid || 'N/A', policy.name, statusOf(policy), policy.type, policy.version ?? 'N/A', formatTimestamp(policy.policy.metadata['creationTimestamp'])];
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
