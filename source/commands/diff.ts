import {type Command, Option} from 'commander';
import {diffDumps} from '../policy/diff/line-diff.js';
import {objectDiff} from '../policy/diff/object-diff.js';
import {diffPolicies, specChanged} from '../policy/diff/policy-diff.js';
import {renderTextDiff} from '../policy/diff/text-render.js';
import {toJson, toYaml} from '../policy/dump.js';
import {readDocuments, stdinName} from '../policy/files.js';
import type {LoadedObject} from '../policy/load.js';
import {MergeTargetError, mergeObjects} from '../policy/merge/merge-objects.js';
import {skipMessage} from '../policy/merge/skip-reasons.js';
import {type FileProblem, formatFileProblem} from '../policy/problem.js';
import {validateLoaded} from '../policy/validate.js';
import {CommandError, UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import type {GlobalOptions} from './program.js';

/** spyctl diffs policies and baselines only. */
const diffTargetKinds = new Set(['SpyderbatPolicy', 'SpyderbatBaseline']);

type DiffOptions = {filename: string; withFile: string[]; fullDiff?: boolean; output: 'text' | 'yaml' | 'json'};

/** kubectl's and argocd's exit codes, so scripts can ask "would the merge change anything?". */
const diffExitCodes = {same: 0, different: 1, error: 2} as const;

export function registerDiffCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	program
		.command('diff')
		.description('Show what merging other objects into a policy would change (spyctl diff -f POLICY -w OTHER)')
		.requiredOption('-f, --filename <file>', 'target policy or baseline, or - for standard input')
		.requiredOption('-w, --with-file <files>', 'objects to merge into the target, in order: comma separated, and -w may repeat', collectFiles)
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
				setExit(await runDiff(options, io, colorAllowed(io, program.opts<GlobalOptions>())));
			} catch (error) {
				// Exit 1 means "differences" here, so every failure must leave with 2.
				if (error instanceof CommandError) throw new CommandError(error.message, diffExitCodes.error);
				const debug = Boolean(program.opts<GlobalOptions>().debug);
				const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
				throw new CommandError(detail, diffExitCodes.error);
			}
		});
}

/** `-w a.yaml,b.yaml -w c.yaml` → [a.yaml, b.yaml, c.yaml]. */
function collectFiles(value: string, previous: string[] | undefined): string[] {
	return [...(previous ?? []), ...value.split(',').filter(file => file !== '')];
}

/** Colour only on a terminal, and never with --no-color or NO_COLOR (https://no-color.org: set and not empty). */
function colorAllowed(io: CommandIo, options: GlobalOptions): boolean {
	const noColor = io.env['NO_COLOR'];
	return io.stdoutIsTty && options.color !== false && (noColor === undefined || noColor === '');
}

async function runDiff(options: DiffOptions, io: CommandIo, color: boolean): Promise<number> {
	const files = [options.filename, ...options.withFile];
	if (options.withFile.length === 0) throw new UsageError('-w/--with-file needs at least one file');
	if (files.filter(file => file === '-').length > 1) throw new UsageError('standard input (-) can be read only once');

	const [targetObjects = [], ...others] = await loadAll(files, io);
	if (targetObjects.length !== 1) throw new UsageError(`the target '${options.filename}' must hold one policy, not ${targetObjects.length} objects`);
	const before = targetObjects[0]!.value;
	const targetName = `local file '${options.filename === '-' ? stdinName : options.filename}'`;
	if (!diffTargetKinds.has(before['kind'] as string)) {
		throw new CommandError(`The 'diff' command is not supported for ${String(before['kind'])} (${targetName}): diff a SpyderbatPolicy or SpyderbatBaseline.`);
	}

	let result: ReturnType<typeof mergeObjects>;
	try {
		result = mergeObjects(before, others.flat().map(object => object.value), 'asymmetric');
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

/** Every file's objects, in order; all problems of all files are reported before giving up. */
async function loadAll(files: readonly string[], io: CommandIo): Promise<LoadedObject[][]> {
	const loaded = await Promise.all(files.map(file => readDocuments({file, cwd: io.cwd, stdin: io.stdin})));
	const problems: FileProblem[] = loaded.flatMap(result => [...result.problems, ...validateLoaded(result.objects)]);
	if (problems.length > 0) {
		for (const problem of problems) say(io, formatFileProblem(problem));
		const culprits = [...new Set(problems.map(problem => `'${problem.file}'`))];
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		// validate's and merge's wording, listing every file at fault.
		throw new CommandError(`Invalid ${culprits.length === 1 ? 'object' : 'objects'} in ${culprits.join(', ')} (${count}).`);
	}
	return loaded.map(result => result.objects);
}
