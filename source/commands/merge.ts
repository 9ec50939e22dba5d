import fs from 'node:fs/promises';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import type {Command} from 'commander';
import {writeFileAtomic} from '../policy/atomic-write.js';
import {stdinName} from '../policy/files.js';
import {mergeObjects, MergeTargetError} from '../policy/merge/merge-objects.js';
import {mergeInputs, type SpyderbatObject} from '../policy/merge/merge-inputs.js';
import {skipMessage} from '../policy/merge/skip-reasons.js';
import {formatPath} from '../policy/problem.js';
import {validateObject} from '../policy/validate.js';
import {CommandError, UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';
import {type DocumentFormat, documentOutputOption, formatDocument, formatForFile} from './output-format.js';
import {readValidObjects} from './read-objects.js';
import {checkStdoutIsNotInput, sameFile} from './same-file.js';

type MergeFlags = {
	filename: string;
	withFile: string[];
	outputFile?: string;
	inPlace?: boolean;
	output?: DocumentFormat;
};

const mergeTargetKinds = new Set(['SpyderbatPolicy', 'SpyderbatBaseline']);

export function registerMergeCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	program
		.command('merge')
		.description('Merge baselines, fingerprints, policies or deviations into a policy, as spyctl does; prints the result')
		.requiredOption('-f, --filename <file>', 'the policy or baseline to merge into, or - for standard input')
		.requiredOption('-w, --with-file <files>', 'file(s) to merge in, comma-separated; may be repeated', collectFiles, [])
		.option('-O, --output-file <file>', 'write the result to FILE instead of stdout (never the input file: see --in-place)')
		.option('--in-place', 'replace the input file atomically, keeping the previous version as FILE.bak')
		.addOption(documentOutputOption())
		.addHelpText('after', '\nDo not redirect stdout to the input file (`> policy.yaml`): the shell empties it before spytui runs. Use --in-place.')
		.action(async (flags: MergeFlags) => {
			setExit(await mergeFiles(flags, io));
		});
}

function collectFiles(value: string, previous: string[]): string[] {
	return [...previous, ...value.split(',').filter(file => file !== '')];
}

async function mergeFiles(flags: MergeFlags, io: CommandIo): Promise<number> {
	checkDestination(flags);
	const inputs = [flags.filename, ...flags.withFile];
	await checkStdoutIsNotInput(inputs, io);
	if (flags.outputFile !== undefined) await refuseInputAsOutput(flags.outputFile, inputs, io);

	const target = await readTarget(flags.filename, io);
	const others: SpyderbatObject[] = [];
	for (const file of flags.withFile) for (const object of await readValidObjects(file, io)) others.push(object.value);
	const targetName = flags.filename === '-' ? stdinName : `local file '${flags.filename}'`;

	const merged = mergeInto(target, others, targetName, io);
	const changed = merged !== undefined && !isDeepStrictEqual(merged['spec'], target['spec']);
	if (merged && changed) checkMerged(merged, targetName, io);
	if (merged !== undefined && !changed) say(io, `merge of ${targetName} produced no updates to the 'spec' field${flags.inPlace ? '.. skipping' : '.'}`);
	if (flags.inPlace) {
		if (merged && changed) await writeInPlace(flags.filename, formatDocument(merged, formatForFile(flags.filename, flags.output)), io);
		return 0;
	}
	// Nothing merged still writes the target: `merge ... > new.yaml && mv new.yaml p.yaml` must not lose it.
	await writeResult(merged ?? target, flags, io);
	return 0;
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
	if (flags.withFile.length === 0) throw new UsageError('-w/--with-file needs at least one file');
	if (flags.inPlace && flags.outputFile !== undefined) throw new UsageError('--in-place and -O/--output-file both choose where the result goes; give one');
	if (flags.inPlace && flags.filename === '-') throw new UsageError('--in-place needs a file to replace, not standard input');
	if ([flags.filename, ...flags.withFile].filter(file => file === '-').length > 1) throw new UsageError('standard input can be read only once: give - to one option');
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

/** spyctl merges into one policy or baseline per file. */
async function readTarget(file: string, io: CommandIo): Promise<SpyderbatObject> {
	const objects = await readValidObjects(file, io);
	const name = file === '-' ? stdinName : file;
	if (objects.length !== 1) throw new CommandError(`'${name}' holds ${objects.length} objects; the merge target must be one policy or baseline.`);
	const target = objects[0]!.value;
	if (!mergeTargetKinds.has(target['kind'] as string)) throw new CommandError(`The 'merge' command is not supported for ${String(target['kind'])} ('${name}'): merge into a SpyderbatPolicy or SpyderbatBaseline.`);
	return target;
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
