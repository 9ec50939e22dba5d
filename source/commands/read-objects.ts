import {readDocuments} from '../policy/files.js';
import type {LoadedObject} from '../policy/load.js';
import {formatFileProblem} from '../policy/problem.js';
import {validateLoaded} from '../policy/validate.js';
import {CommandError} from './errors.js';
import {type CommandIo, say} from './io.js';

/**
 * Every object of a file (or `-` for stdin), loaded and checked by spyctl's
 * rules. Problems are printed as `file:line:col: path: message`, then the
 * command fails naming the file: merging an invalid object would only move
 * the mistake into the output.
 */
export async function readValidObjects(file: string, io: CommandIo): Promise<LoadedObject[]> {
	const loaded = await readDocuments({file, cwd: io.cwd, stdin: io.stdin});
	const problems = [...loaded.problems, ...validateLoaded(loaded.objects)];
	if (problems.length > 0) {
		for (const problem of problems) say(io, formatFileProblem(problem));
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		throw new CommandError(`Invalid object in '${problems[0]?.file ?? file}' (${count}).`);
	}
	return loaded.objects;
}
