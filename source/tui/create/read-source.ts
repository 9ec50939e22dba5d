import path from 'node:path';
import {Readable} from 'node:stream';
import {readDocuments} from '../../policy/files.js';
import {formatFileProblem} from '../../policy/problem.js';
import {validateLoaded} from '../../policy/validate.js';
import {buildPolicy} from './build.js';
import type {SourceRead} from './flow.js';
import {defaultName} from './name.js';

export type PathBase = {cwd: string; home: string};

/** `~` and `~/x` as a shell expands them; a relative path starts in `cwd`. */
export function expandPath(typed: string, base: PathBase): string {
	const text = typed.trim();
	if (text === '~') return base.home;
	if (text.startsWith('~/')) return path.join(base.home, text.slice(2));
	return path.resolve(base.cwd, text);
}

/** A stand-in while checking a file, so that only the file's own problems show; the name is asked for next. */
const placeholderName = 'policy';

/**
 * Reads a typed path as `create policy --from-file` does: every problem with
 * its file, line and column, and what the create engine says about the
 * objects, before the user is asked for a name.
 */
export async function readSource(typed: string, base: PathBase): Promise<SourceRead> {
	// `-` is standard input for the CLI; here that is the terminal the app is drawn on.
	if (typed.trim() === '-') return {problems: ['standard input is the terminal spytui runs in: type the path of a file']};
	const file = expandPath(typed, base);
	// Standard input is read only for `-`, which was turned away above.
	const loaded = await readDocuments({file, cwd: base.cwd, stdin: Readable.from([])});
	const problems = [...loaded.problems, ...validateLoaded(loaded.objects)];
	if (problems.length > 0) return {problems: problems.map(problem => formatFileProblem(problem))};
	const objects = loaded.objects.map(object => object.value);
	const source = {label: `'${typed.trim()}'`, objects, defaultName: defaultName(objects)};
	const built = buildPolicy(source, source.defaultName || placeholderName, 'audit');
	if ('problems' in built) return {problems: built.problems.map(problem => `${file}: cannot build a policy from it: ${problem}`)};
	return {source};
}
