import {type Command, Option} from 'commander';
import {diffDumps} from '../policy/diff/line-diff.js';
import {objectDiff} from '../policy/diff/object-diff.js';
import {diffPolicies, specChanged} from '../policy/diff/policy-diff.js';
import {renderTextDiff} from '../policy/diff/text-render.js';
import {toJson, toYaml} from '../policy/dump.js';
import {readDocuments} from '../policy/files.js';
import {MergeTargetError, mergeObjects} from '../policy/merge/merge-objects.js';
import {skipMessage} from '../policy/merge/skip-reasons.js';
import {type FileProblem, formatFileProblem} from '../policy/problem.js';
import {validateLoaded} from '../policy/validate.js';
import {CommandError} from './errors.js';
import {addSourceOptions, readMergeSources, type SourceFlags} from './merge-sources.js';
import {type CommandIo, out, say} from './io.js';
import type {GlobalOptions} from './program.js';

/** spyctl diffs policies and baselines only. */
const diffTargetKinds = new Set(['SpyderbatPolicy', 'SpyderbatBaseline']);

type DiffOptions = SourceFlags & {fullDiff?: boolean; output: 'text' | 'yaml' | 'json'};

/** kubectl's and argocd's exit codes, so scripts can ask "would the merge change anything?". */
const diffExitCodes = {same: 0, different: 1, error: 2} as const;

export function registerDiffCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	addSourceOptions(program.command('diff').description('Show what merging deviations or other objects into a policy would change (spyctl diff)'))
		.option('--full-diff', 'show every line instead of the summary (5 lines of context around changes)')
		.addOption(new Option('-o, --output <format>', 'text: line diff; yaml or json: the merged object with diff: added|changed|removed markers').choices(['text', 'yaml', 'json']).default('text'))
		.addHelpText(
			'after',
			`
Exit status (as kubectl diff): ${diffExitCodes.same} no differences, ${diffExitCodes.different} differences found, ${diffExitCodes.error} error.
Errors include bad usage and unreadable or invalid files, which are reported as file:line:col.
`,
		)
		.action(async (options: DiffOptions) => {
			try {
				setExit(await runDiff(options, program, io, colorAllowed(io, program.opts<GlobalOptions>())));
			} catch (error) {
				// Exit 1 means "differences" here, so every failure must leave with 2.
				if (error instanceof CommandError) throw new CommandError(error.message, diffExitCodes.error);
				const debug = Boolean(program.opts<GlobalOptions>().debug);
				const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
				throw new CommandError(detail, diffExitCodes.error);
			}
		});
}

/** Colour only on a terminal, and never with --no-color or NO_COLOR (https://no-color.org: set and not empty). */
function colorAllowed(io: CommandIo, options: GlobalOptions): boolean {
	const noColor = io.env['NO_COLOR'];
	return io.stdoutIsTty && options.color !== false && (noColor === undefined || noColor === '');
}

async function runDiff(options: DiffOptions, program: Command, io: CommandIo, color: boolean): Promise<number> {
	const localFiles = options.filename === undefined ? [] : [options.filename, ...options.withFile];
	// Standard input can be read once, by the merge itself; files can be checked together first.
	if (options.withFile.length > 0 && !localFiles.includes('-')) await reportAllProblems(localFiles, io);
	const {target: before, targetName, others} = await readMergeSources(options, program, io);
	if (!diffTargetKinds.has(before['kind'] as string)) {
		throw new CommandError(`The 'diff' command is not supported for ${String(before['kind'])} (${targetName}): diff a SpyderbatPolicy or SpyderbatBaseline.`);
	}

	let result: ReturnType<typeof mergeObjects>;
	try {
		result = mergeObjects(before, others, 'asymmetric');
	} catch (error) {
		if (error instanceof MergeTargetError) throw new CommandError(`The 'diff' command cannot use ${targetName}: ${error.message}`);
		throw error;
	}
	for (const skipped of result.skipped) say(io, skipMessage(skipped, 'diff', targetName));

	const after = result.merged;
	const diff = diffPolicies(before, after);
	if (!specChanged(diff)) {
		say(io, `diff of ${targetName} produced no updates to the 'spec' field.. skipping`);
		return diffExitCodes.same;
	}
	if (options.output === 'text') out(io, renderTextDiff(diffDumps(before, after), diff.counts, {full: Boolean(options.fullDiff), color}));
	else out(io, (options.output === 'yaml' ? toYaml : toJson)(objectDiff(before, after)));
	return diffExitCodes.different;
}

/** All problems of all local files are reported before giving up, not only the first file's. */
async function reportAllProblems(files: readonly string[], io: CommandIo): Promise<void> {
	const loaded = await Promise.all(files.map(file => readDocuments({file, cwd: io.cwd, stdin: io.stdin})));
	const problems: FileProblem[] = loaded.flatMap(result => [...result.problems, ...validateLoaded(result.objects)]);
	if (problems.length > 0) {
		for (const problem of problems) say(io, formatFileProblem(problem));
		const culprits = [...new Set(problems.map(problem => `'${problem.file}'`))];
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		// validate's and merge's wording, listing every file at fault.
		throw new CommandError(`Invalid ${culprits.length === 1 ? 'object' : 'objects'} in ${culprits.join(', ')} (${count}).`);
	}
}
