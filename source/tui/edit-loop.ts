import {randomBytes} from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type {PolicyDocument} from '../api/policy-records.js';
import {checkDraft, draftText, draftWithProblems} from '../operations/edit-draft.js';
import {toYaml} from '../policy/dump.js';
import {formatFileProblem} from '../policy/problem.js';
import type {Task} from './store.js';

type EditTask = Extract<Task, {kind: 'edit'}>;

/**
 * `E`: the policy (or its draft) in the user's editor, as `spytui edit` does
 * it: an invalid result reopens with the problems as comments at the top; an
 * empty or unchanged file, or one reopened and closed untouched, cancels.
 * Returns the edited document, or undefined when nothing changed.
 */
export async function editInEditor(task: EditTask, context: {openEditor: (file: string) => void; tempDir: string}): Promise<PolicyDocument | undefined> {
	const yaml = toYaml(task.document);
	const file = path.join(context.tempDir, `spytui-edit-${randomBytes(6).toString('hex')}.yaml`);
	let written = draftText(yaml);
	await fs.writeFile(file, written, {flag: 'wx', mode: 0o600});
	for (;;) {
		context.openEditor(file);
		const text = await fs.readFile(file, 'utf8');
		const check = checkDraft(text, {yaml, document: task.document}, file);
		if (check.kind !== 'invalid') {
			await fs.rm(file, {force: true});
			return check.kind === 'valid' ? keepIdentity(check.document, task.document) : undefined;
		}
		const problems = check.problems.map(problem => formatFileProblem(problem));
		// Closing the reopened file untouched means the user gave up: stop asking, and keep their text.
		if (text === written) throw new Error(`the edit is not valid, so no draft was made (your text is in ${file}): ${problems[0] ?? 'unknown problem'}`);
		written = draftWithProblems(task.uid, check.body, problems);
		await fs.writeFile(file, written);
	}
}

/**
 * The uid says which policy this is, and the version which copy the edit
 * started from; an edit must not change either, or apply would update another
 * policy or skip the conflict check.
 */
function keepIdentity(edited: PolicyDocument, original: PolicyDocument): PolicyDocument {
	const metadata: Record<string, unknown> = {...edited.metadata, uid: original.metadata['uid']};
	if (original.metadata['version'] === undefined) delete metadata['version'];
	else metadata['version'] = original.metadata['version'];
	return {...edited, metadata};
}
