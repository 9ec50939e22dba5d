import {type Command, Option} from 'commander';
import {createPolicy, type CreateOptions, CreatePolicyError} from '../policy/create/create-policy.js';
import {type DisableConnectionsChoice, disableConnectionsChoices} from '../policy/create/disable-options.js';
import {stdinName} from '../policy/files.js';
import {skipMessage} from '../policy/merge/skip-reasons.js';
import {formatPath} from '../policy/problem.js';
import {CommandError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import {type DocumentFormat, documentOutputOption, formatDocument} from './output-format.js';
import {readValidObjects} from './read-objects.js';

type CreatePolicyFlags = {
	fromFile: string;
	name?: string;
	mode?: 'audit' | 'enforce';
	disableProcesses?: 'all';
	disableConnections?: DisableConnectionsChoice;
	includeImageid?: boolean;
	output?: DocumentFormat;
};

export function registerCreateCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	const create = program.command('create').description('Build new objects from local files (nothing is sent to Spyderbat)');
	create
		.command('policy')
		.description('Build a policy from a baseline, fingerprints, a fingerprint group or an items list, merged as spyctl does; prints it')
		.requiredOption('-f, --from-file <file>', 'YAML or JSON input file, or - for standard input (never written)')
		.option('-n, --name <name>', 'name of the policy (default: the first input\'s name)')
		.addOption(new Option('-m, --mode <mode>', 'policy mode (default: the input\'s mode, else audit)').choices(['audit', 'enforce']))
		.addOption(new Option('-d, --disable-processes <which>', 'disable process monitoring: no process tree').choices(['all']))
		.addOption(new Option('-D, --disable-connections <which>', 'disable these connections: their rules are left out').choices(disableConnectionsChoices))
		.option('--include-imageid', 'keep containerSelector.imageID, which pins the policy to one build of the image')
		.addOption(documentOutputOption())
		.action(async (flags: CreatePolicyFlags) => {
			setExit(await createPolicyFromFile(flags, io));
		});
}

async function createPolicyFromFile(flags: CreatePolicyFlags, io: CommandIo): Promise<number> {
	const objects = await readValidObjects(flags.fromFile, io);
	const options: CreateOptions = {
		name: flags.name,
		mode: flags.mode,
		disableProcesses: flags.disableProcesses,
		disableConnections: flags.disableConnections,
		includeImageId: flags.includeImageid,
	};
	try {
		const {policy, skipped} = createPolicy(
			objects.map(object => object.value),
			options,
		);
		const source = flags.fromFile === '-' ? stdinName : `'${flags.fromFile}'`;
		for (const skip of skipped) say(io, skipMessage(skip, 'merge', `the policy built from ${source}`));
		out(io, formatDocument(policy, flags.output ?? 'yaml'));
		return 0;
	} catch (error) {
		if (!(error instanceof CreatePolicyError)) throw error;
		for (const problem of error.problems) say(io, `${formatPath(problem.path) || '(policy)'}: ${problem.message}`);
		throw new CommandError(`${error.message} (from '${flags.fromFile === '-' ? stdinName : flags.fromFile}')`);
	}
}
