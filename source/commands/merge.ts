import fs from 'node:fs/promises';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import type {Command} from 'commander';
import {writeFileAtomic} from '../policy/atomic-write.js';
import {mergeObjects, MergeTargetError} from '../policy/merge/merge-objects.js';
import {mergeInputs, type SpyderbatObject} from '../policy/merge/merge-inputs.js';
import {skipMessage} from '../policy/merge/skip-reasons.js';
import {formatPath} from '../policy/problem.js';
import {validateObject} from '../policy/validate.js';
import {CommandError, UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import {type DocumentFormat, documentOutputOption, formatDocument, formatForFile} from './output-format.js';
import {addSourceOptions, asPolicyDocument, checkSourceFlags, readMergeSources, type SourceFlags, withLatestTimestamp} from './merge-sources.js';
import {withBackend} from './backend-option.js';
import {confirm} from './confirm.js';
import type {GlobalOptions} from './program.js';
import {ApiRequestError} from '../api/errors.js';
import {applyPolicy, conflictAdvice} from '../operations/policies.js';
import {diffDumps} from '../policy/diff/line-diff.js';
import {diffPolicies} from '../policy/diff/policy-diff.js';
import {renderTextDiff} from '../policy/diff/text-render.js';
import {checkStdoutIsNotInput, sameFile} from './same-file.js';

type MergeFlags = SourceFlags & {
	outputFile?: string;
	inPlace?: boolean;
	output?: DocumentFormat;
};

const mergeTargetKinds = new Set(['SpyderbatPolicy', 'SpyderbatBaseline']);

export function registerMergeCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	addSourceOptions(program.command('merge').description('Merge deviations, baselines, fingerprints or policies into a policy, as spyctl does; prints the result, or applies it with -p'))
		.option('-O, --output-file <file>', 'write the result to FILE instead of stdout (never the input file: see --in-place)')
		.option('--in-place', 'replace the input file atomically, keeping the previous version as FILE.bak')
		.addOption(documentOutputOption())
		.addHelpText('after', '\nDo not redirect stdout to the input file (`> policy.yaml`): the shell empties it before spytui runs. Use --in-place.')
		.action(async (flags: MergeFlags) => {
			setExit(await runMerge(flags, program, io));
		});
}

async function runMerge(flags: MergeFlags, program: Command, io: CommandIo): Promise<number> {
	checkSourceFlags(flags);
	checkDestination(flags);
	const inputs = [flags.filename ?? '', ...flags.withFile].filter(file => file !== '');
	await checkStdoutIsNotInput(inputs, io);
	if (flags.outputFile !== undefined) await refuseInputAsOutput(flags.outputFile, inputs, io);

	const sources = await readMergeSources(flags, program, io);
	const {target, targetName} = sources;
	if (!mergeTargetKinds.has(target['kind'] as string)) throw new CommandError(`The 'merge' command is not supported for ${String(target['kind'])} (${targetName}): merge into a SpyderbatPolicy or SpyderbatBaseline.`);

	let merged = mergeInto(target, sources.others, targetName, io);
	const changed = merged !== undefined && !isDeepStrictEqual(merged['spec'], target['spec']);
	if (merged && changed) checkMerged(merged, targetName, io);
	if (merged !== undefined && !changed) say(io, `merge of ${targetName} produced no updates to the 'spec' field${flags.inPlace ? '.. skipping' : '.'}`);
	// Deviations up to the window's end are now part of the policy: --latest starts there next time.
	if (flags.latest && sources.window && hasLatestTimestamp(target)) {
		if (merged === undefined) say(io, `${capitalise(targetName)} has nothing to merge with. Updating 'latestTimestamp' field.`);
		merged = withLatestTimestamp(merged ?? target, sources.window.endTime);
	}
	if (sources.applied) return applyMerge(merged, changed, sources.applied, target, program, io);
	if (flags.inPlace) {
		if (merged && !isDeepStrictEqual(merged, target)) await writeInPlace(flags.filename!, formatDocument(merged, formatForFile(flags.filename!, flags.output)), io);
		return 0;
	}
	// Nothing merged still writes the target: `merge ... > new.yaml && mv new.yaml p.yaml` must not lose it.
	await writeResult(merged ?? target, flags, io);
	return 0;
}

/** `merge -p`: show the change on request, then apply it to the server copy, asking first as spyctl does. */
async function applyMerge(merged: SpyderbatObject | undefined, changed: boolean, applied: {uid: string; name: string}, target: SpyderbatObject, program: Command, io: CommandIo): Promise<number> {
	if (merged === undefined || isDeepStrictEqual(merged, target)) return 0;
	const assumeYes = Boolean(program.opts<GlobalOptions>().yes);
	const label = `'${applied.name}-${applied.uid}'`;
	if (changed && !assumeYes && (await confirm(io, `Review merge updates to ${label}?`, false, 'no'))) {
		out(io, renderTextDiff(diffDumps(target, merged), diffPolicies(target, merged).counts, {full: false, color: false}));
	}
	if (!(await confirm(io, `Apply merge changes to ${label}?`, assumeYes, 'no'))) {
		say(io, `Skipping apply of ${label}`);
		return 0;
	}
	await withBackend(program, io, async ({client}) => {
		try {
			say(io, (await applyPolicy(client, asPolicyDocument(merged))).message);
		} catch (error) {
			if (error instanceof ApiRequestError && error.kind === 'conflict') throw new CommandError(conflictAdvice(applied.uid, error));
			throw error;
		}
	});
	return 0;
}

function hasLatestTimestamp(object: SpyderbatObject): boolean {
	return (object['metadata'] as Record<string, unknown> | undefined)?.['latestTimestamp'] !== undefined;
}

async function writeResult(result: SpyderbatObject, flags: MergeFlags, io: CommandIo): Promise<void> {
	if (flags.outputFile === undefined) {
		out(io, formatDocument(result, flags.output ?? 'yaml'));
		return;
	}
	await writeFileAtomic(path.resolve(io.cwd, flags.outputFile), formatDocument(result, formatForFile(flags.outputFile, flags.output)));
	say(io, `Saved output to ${flags.outputFile}`);
}

function checkDestination(flags: MergeFlags): void {
	if (flags.policy !== undefined && (flags.inPlace || flags.outputFile !== undefined)) throw new UsageError('-p merges into the applied policy and applies it; --in-place and -O are for files');
	if (flags.inPlace && flags.outputFile !== undefined) throw new UsageError('--in-place and -O/--output-file both choose where the result goes; give one');
	if (flags.inPlace && flags.filename === '-') throw new UsageError('--in-place needs a file to replace, not standard input');
}

/** -O onto an input would replace it without a backup; --in-place is the way to do that. */
async function refuseInputAsOutput(outputFile: string, inputs: readonly string[], io: CommandIo): Promise<void> {
	for (const input of inputs) {
		if (input !== '-' && (await sameFile(path.resolve(io.cwd, outputFile), path.resolve(io.cwd, input)))) {
			const hint = input === inputs[0] ? ` Use --in-place to replace it (the previous version is kept as ${input}.bak).` : '';
			throw new CommandError(`Refusing to write the merge to '${outputFile}': it is an input of this merge.${hint}`);
		}
	}
}

/**
 * Merges and reports, in spyctl's words, what was left out. Undefined when
 * there was nothing to merge, which is reported too.
 */
function mergeInto(target: SpyderbatObject, others: SpyderbatObject[], targetName: string, io: CommandIo): SpyderbatObject | undefined {
	if (others.flatMap(mergeInputs).length === 0) {
		say(io, `${capitalise(targetName)} has nothing to merge with... skipping.`);
		return undefined;
	}
	if (others.every(other => isDeepStrictEqual(other, target))) {
		say(io, 'merge target and with-object are the same.. skipping');
		return undefined;
	}
	try {
		const result = mergeObjects(target, others, 'asymmetric');
		for (const skipped of result.skipped) say(io, skipMessage(skipped, 'merge', targetName));
		return result.merged;
	} catch (error) {
		if (error instanceof MergeTargetError) throw new CommandError(`Unable to merge ${targetName}: ${error.message}`);
		throw error;
	}
}

/**
 * A merge can leave a policy invalid, e.g. a fingerprint of another image
 * drops containerSelector.image and with it the required selector. Such a
 * result is reported, never written.
 */
function checkMerged(merged: SpyderbatObject, targetName: string, io: CommandIo): void {
	const problems = validateObject(merged);
	if (problems.length === 0) return;
	for (const problem of problems) say(io, `${formatPath(problem.path)}: ${problem.message}`);
	throw new CommandError(`The merge of ${targetName} produced an invalid ${String(merged['kind'])}; nothing was written.`);
}

/** The new text replaces the file atomically; the old text stays beside it as FILE.bak. */
async function writeInPlace(file: string, text: string, io: CommandIo): Promise<void> {
	const absolute = path.resolve(io.cwd, file);
	await fs.copyFile(absolute, `${absolute}.bak`);
	await writeFileAtomic(absolute, text);
	say(io, `Merged into ${file} (previous version kept in ${file}.bak)`);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
