import type {Command} from 'commander';
import {describePolicy, lookupTargets} from '../operations/describe.js';
import {dnsMap} from '../operations/dns-map.js';
import {findOnePolicy, withUidPrefix} from '../operations/policies.js';
import {toYaml} from '../policy/dump.js';
import {isRecord} from '../policy/is-record.js';
import {withBackend} from './backend-option.js';
import {CommandError, UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import {readValidObjects} from './read-objects.js';

type DescribeOptions = {filename?: string; lookupDns?: boolean};

/** Only workload policies have process trees and network rules to describe. */
const guardianTypes = ['container', 'linux-service'];
const lookupTimeoutMs = 1000;

export function registerDescribeCommand(program: Command, io: CommandIo): void {
	program
		.command('describe')
		.description('Summarise a resource (policies)')
		.command('policy')
		.alias('policies')
		.description("Print a policy's scope and a summary of its processes and connections, as YAML")
		.argument('[name_or_uid]', 'the policy: its exact name or uid (with or without pol:), or a part that matches only it')
		.option('-f, --filename <file>', 'describe the policy in FILE (or - for standard input); NAME_OR_UID then picks one of its policies')
		.option('--lookup-dns', `add spyctl's DNS MAP: the host names of single addresses and the addresses of DNS names (each lookup gives up after ${lookupTimeoutMs / 1000} s)`)
		.action(async (nameOrUid: string | undefined, options: DescribeOptions) => {
			if (nameOrUid === undefined && options.filename === undefined) throw new UsageError('name a policy or give a file with -f');
			const policy =
				options.filename === undefined
					? await withBackend(program, io, async ({client}) => (await findOnePolicy(client, nameOrUid!)).policy)
					: await policyFromFile(options.filename, nameOrUid, io);
			const metadata = isRecord(policy['metadata']) ? policy['metadata'] : {};
			if (!guardianTypes.includes(String(metadata['type']))) {
				throw new CommandError(`Policy type '${String(metadata['type'])}' is not a Guardian Policy type (${guardianTypes.join(', ')}): it has no processes or connections to describe`);
			}
			say(io, `Describing policy '${String(metadata['name'])}'`);
			const description = describePolicy(policy);
			if (options.lookupDns) {
				const connections = description['Connection Details'] as Record<string, unknown>;
				connections['DNS MAP'] = await dnsMap(lookupTargets(policy), {timeoutMs: lookupTimeoutMs});
			}
			out(io, toYaml(description));
		});
}

/** The one policy of a file, or the one NAME_OR_UID names exactly when it holds several. */
async function policyFromFile(file: string, nameOrUid: string | undefined, io: CommandIo): Promise<Record<string, unknown>> {
	const objects = (await readValidObjects(file, io)).map(object => object.value);
	const other = objects.find(object => object['kind'] !== 'SpyderbatPolicy');
	if (other) throw new CommandError(`File kind '${String(other['kind'])}' is not 'SpyderbatPolicy'`);
	const word = nameOrUid === undefined ? undefined : withUidPrefix(nameOrUid);
	const matches = word === undefined ? objects : objects.filter(object => isRecord(object['metadata']) && (object['metadata']['name'] === word || object['metadata']['uid'] === word));
	if (matches.length === 0) throw new CommandError(`No policies matching name_or_uid '${nameOrUid}' in '${file}'`);
	if (matches.length > 1) {
		const names = matches.map(object => String(isRecord(object['metadata']) ? object['metadata']['name'] : '')).join(', ');
		throw new CommandError(`'${file}' holds ${matches.length} policies (${names}); name the one to describe`);
	}
	return matches[0]!;
}
