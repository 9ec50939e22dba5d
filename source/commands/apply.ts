import type {Command} from 'commander';
import {ApiRequestError} from '../api/errors.js';
import type {PolicyDocument} from '../api/policy-records.js';
import {applyPolicy, conflictAdvice} from '../operations/policies.js';
import {readDocuments} from '../policy/files.js';
import {formatFileProblem} from '../policy/problem.js';
import {validateLoaded} from '../policy/validate.js';
import {withBackend} from './backend-option.js';
import {CommandError} from './errors.js';
import {type CommandIo, say} from './io.js';

export function registerApplyCommand(program: Command, io: CommandIo): void {
	program
		.command('apply')
		.description('Validate a file, then create its policies (no metadata.uid) or update them (by metadata.uid)')
		.requiredOption('-f, --filename <file>', 'YAML or JSON file, or - for standard input; items lists are applied in order')
		.action(async (options: {filename: string}) => {
			const loaded = await readDocuments({file: options.filename, cwd: io.cwd, stdin: io.stdin});
			const problems = [...loaded.problems, ...validateLoaded(loaded.objects)];
			if (problems.length > 0) {
				for (const problem of problems) say(io, formatFileProblem(problem));
				throw new CommandError(`Invalid object in '${loaded.objects[0]?.source.file ?? options.filename}'; nothing was applied.`);
			}
			const unsupported = loaded.objects.find(object => object.value['kind'] !== 'SpyderbatPolicy');
			if (unsupported) throw new CommandError(`The 'apply' command is not supported for ${String(unsupported.value['kind'])}; nothing was applied.`);
			await withBackend(program, io, async ({client}) => {
				for (const object of loaded.objects) {
					const document = object.value as unknown as PolicyDocument;
					try {
						say(io, (await applyPolicy(client, document)).message);
					} catch (error) {
						if (error instanceof ApiRequestError && error.kind === 'conflict') throw new CommandError(conflictAdvice(String(document.metadata['uid']), error));
						throw error;
					}
				}
			});
		});
}
