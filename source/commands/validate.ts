import type {Command} from 'commander';
import {readDocuments} from '../policy/files.js';
import {jsonSchemaFor} from '../policy/json-schema.js';
import {formatFileProblem} from '../policy/problem.js';
import {isKind, kinds} from '../policy/schema/kinds.js';
import {validateLoaded} from '../policy/validate.js';
import {UsageError} from './errors.js';
import {type CommandIo, out, say} from './io.js';

export function registerValidateCommands(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	program
		.command('validate')
		.description('Check a file against spyctl\'s rules and report every problem with its field path and line')
		.requiredOption('-f, --filename <file>', 'YAML or JSON file to check, or - for standard input')
		.action(async (options: {filename: string}) => {
			setExit(await validateFile(options.filename, io));
		});

	program
		.command('show-schema')
		.description('Print the JSON Schema of a kind')
		.argument('<kind>', `one of ${kinds.join(', ')}`)
		.action((kind: string) => {
			if (!isKind(kind)) throw new UsageError(`unknown kind '${kind}'; choose one of ${kinds.join(', ')}`);
			out(io, `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`);
		});
}

/** Prints `<Kind> valid!` or every problem, spyctl-style, and returns the exit code. */
async function validateFile(file: string, io: CommandIo): Promise<number> {
	const loaded = await readDocuments({file, cwd: io.cwd, stdin: io.stdin});
	const problems = [...loaded.problems, ...validateLoaded(loaded.objects)];
	if (problems.length > 0) {
		for (const problem of problems) say(io, formatFileProblem(problem));
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		say(io, `Error: Invalid object in '${loaded.objects[0]?.source.file ?? file}' (${count}).`);
		return 1;
	}
	const first = loaded.objects[0]?.value['kind'];
	say(io, loaded.isList ? 'List of objects valid!' : `${String(first)} valid!`);
	return 0;
}
