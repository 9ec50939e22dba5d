import {type Command, Option} from 'commander';
import type {ApiClient} from '../api/client.js';
import type {ServerPolicy} from '../api/policy-records.js';
import type {SearchWindow} from '../api/search.js';
import {deviationCountText, policiesDeviations, uniqueByChecksum} from '../operations/deviations.js';
import {findOnePolicy, findPolicies, formatTimestamp} from '../operations/policies.js';
import {withBackend} from './backend-option.js';
import {UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import {formatDocument} from './output-format.js';
import {type ExtraColumn, policyTable, sortForDisplay} from './policy-table.js';
import {timeOption, timeWindow} from './time-input.js';

type DeviationsOptions = {
	policies?: string[];
	exact?: boolean;
	rawData?: boolean;
	startTime?: number;
	endTime?: number;
	includeIrrelevant?: boolean;
	nonUnique?: boolean;
	output: 'default' | 'yaml' | 'json';
};

/** `get deviations`, a subcommand of `get`. */
export function registerGetDeviationsCommand(get: Command, program: Command, io: CommandIo): void {
	get.command('deviations')
		.alias('deviation')
		.description('Policy deviations in a time window: a count per policy, or the GuardianDeviation documents with -o yaml|json')
		.argument('[name_or_uid]', 'only policies whose name or uid contains this (as `get policies NAME` matches)')
		.option('-E, --exact', 'match the name or uid exactly instead of as a substring')
		.option('--policies <names_or_uids>', 'only these policies, comma separated (each name or uid must match one policy)', commaList)
		.addOption(timeOption('-t, --start-time <time>', 'deviations since this time: epoch, 30m, 2h, 1.5d, 1w or a date (default: 24h)'))
		.addOption(timeOption('-e, --end-time <time>', 'deviations up to this time (default: now)'))
		.option('--include-irrelevant', 'also deviations that would not change their policy (already merged in)')
		.option('--non-unique', 'with -o yaml|json: every deviation record, not one per checksum')
		.option('--raw-data', 'the search records as the API returns them (id, time, checksum, policy_uid and the deviation), as YAML unless -o json')
		.addOption(new Option('-o, --output <format>', 'default: a table of policies with DEVIATIONS_(UNIQ/TOT); yaml or json: the deviations').choices(['default', 'yaml', 'json']).default('default'))
		.action(async (nameOrUid: string | undefined, options: DeviationsOptions) => {
			if (nameOrUid !== undefined && options.policies !== undefined) throw new UsageError('give a NAME_OR_UID or --policies, not both');
			const window = timeWindow(options, Date.now() / 1000);
			await withBackend(program, io, async ({client}) => {
				const policies = sortForDisplay(nameOrUid === undefined ? await selectPolicies(client, options.policies) : await findPolicies(client, nameOrUid, {exact: options.exact}));
				say(io, `Getting policy deviations from ${formatTimestamp(window.startTime)} to ${formatTimestamp(window.endTime)}`);
				const found = await policiesDeviations(client, policies, window, {includeIrrelevant: options.includeIrrelevant});
				if (options.output === 'default' && !options.rawData) {
					out(io, policyTable(policies, countsColumn(found)));
					return;
				}
				const documents = policies.flatMap(policy => {
					const records = found.get(policy.uid) ?? [];
					const kept = options.nonUnique ? records : uniqueByChecksum(records);
					return options.rawData ? kept : kept.map(record => record.deviation);
				});
				if (documents.length === 0) {
					say(io, 'No deviations found');
					return;
				}
				const format = options.output === 'json' ? 'json' : 'yaml';
				if (options.rawData) out(io, formatDocument(documents, format));
				else out(io, formatDocument(documents.length === 1 ? documents[0] : {apiVersion: 'spyderbat/v1', items: documents}, format));
			});
		});
}

/** `get policies --get-deviations`: the counts column for these policies. */
export async function deviationsColumn(client: ApiClient, policies: ServerPolicy[], window: SearchWindow, io: CommandIo): Promise<ExtraColumn> {
	say(io, `Getting policy deviations from ${formatTimestamp(window.startTime)} to ${formatTimestamp(window.endTime)}`);
	return countsColumn(await policiesDeviations(client, policies, window));
}

function countsColumn(found: Awaited<ReturnType<typeof policiesDeviations>>): ExtraColumn {
	return {header: 'DEVIATIONS_(UNIQ/TOT)', cell: policy => deviationCountText(found.get(policy.uid))};
}

/** The named policies (each exactly one, so a typo fails loudly), else all of them. */
async function selectPolicies(client: ApiClient, names: string[] | undefined): Promise<ServerPolicy[]> {
	if (names === undefined) return client.listPolicies();
	const chosen = new Map<string, ServerPolicy>();
	for (const name of names) {
		const policy = await findOnePolicy(client, name);
		chosen.set(policy.uid, policy);
	}
	return [...chosen.values()];
}

function commaList(value: string, previous: string[] | undefined): string[] {
	return [...(previous ?? []), ...value.split(',').map(item => item.trim()).filter(item => item !== '')];
}
