import {isDeepStrictEqual} from 'node:util';
import type {PolicyDocument} from '../api/policy-records.js';
import {loadDocuments} from '../policy/load.js';
import type {FileProblem} from '../policy/problem.js';
import {validateLoaded} from '../policy/validate.js';

/** spyctl's words at the top of the file `edit` opens. */
export const editHeader = [
	"# Please edit the object below. Lines beginning with a '#' will be ignored,",
	'# and an empty file will abort the edit. If an error occurs while saving this file will be',
	'# reopened with the relevant failures.',
	'#',
].join('\n');

/** The file the editor first shows: the header, then the policy. */
export function draftText(yaml: string): string {
	return `${editHeader}\n${yaml}`;
}

/** Lines that start with `#` (after spaces) are the header and error notes, not the policy. */
export function stripComments(text: string): string {
	return text
		.split('\n')
		.filter(line => !line.trimStart().startsWith('#'))
		.join('\n');
}

/** The draft reopened after a failed check: the header, what was wrong as comments, then the edited policy. */
export function draftWithProblems(uid: string, body: string, problems: readonly string[]): string {
	const notes = problems.map(problem => `# ${problem.replaceAll('\n', ' ')}`);
	return [editHeader, `# policy "${uid}" was not valid:`, ...notes, '#', body].join('\n');
}

/** Lines the reopened draft puts above the policy; problem lines are shifted by this much so they point into it. */
function headerLines(problemCount: number): number {
	return editHeader.split('\n').length + 2 + problemCount;
}

export type DraftCheck =
	| {kind: 'cancelled'}
	| {kind: 'invalid'; body: string; problems: FileProblem[]}
	| {kind: 'valid'; document: PolicyDocument};

/**
 * What the editor left in `file`. Empty, or the same policy as before, is a
 * cancel. Otherwise it must be one valid SpyderbatPolicy; its problems come
 * with lines in the draft `draftWithProblems` would write, so that the notes
 * and the messages point at the right lines of the reopened file.
 */
export function checkDraft(text: string, original: {yaml: string; document: PolicyDocument}, file: string): DraftCheck {
	const body = stripComments(text);
	if (body.trim() === '' || body.trimEnd() === original.yaml.trimEnd()) return {kind: 'cancelled'};
	const loaded = loadDocuments(body, file);
	const problems = [...loaded.problems, ...validateLoaded(loaded.objects)];
	if (problems.length === 0 && loaded.objects.length !== 1) problems.push({file, path: '', message: `expected one policy, found ${loaded.objects.length} objects`});
	const value = loaded.objects[0]?.value;
	if (problems.length === 0 && value?.['kind'] !== 'SpyderbatPolicy') problems.push({file, path: 'kind', message: `must stay SpyderbatPolicy, not ${String(value?.['kind'])}`});
	if (problems.length > 0) {
		const shift = headerLines(problems.length);
		return {kind: 'invalid', body, problems: problems.map(problem => (problem.line === undefined ? problem : {...problem, line: problem.line + shift}))};
	}
	if (isDeepStrictEqual(value, original.document)) return {kind: 'cancelled'};
	return {kind: 'valid', document: value as unknown as PolicyDocument};
}
