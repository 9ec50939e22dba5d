import {randomBytes} from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {Command} from 'commander';
import type {ApiClient} from '../api/client.js';
import {ApiRequestError} from '../api/errors.js';
import type {ServerPolicy} from '../api/policy-records.js';
import {checkDraft, draftText, draftWithProblems} from '../operations/edit-draft.js';
import {applyPolicy, conflictAdvice, findOnePolicy} from '../operations/policies.js';
import {toYaml} from '../policy/dump.js';
import {formatFileProblem} from '../policy/problem.js';
import {withBackend} from './backend-option.js';
import {CommandError} from './errors.js';
import {type CommandIo, say} from './io.js';
import {runEditor} from './run-editor.js';

/** spyctl's resource names in `Successfully edited <resource> '<uid>'`. */
const resourceNames: Record<string, string> = {container: 'container-policy', 'linux-service': 'linux-svc-policy', trace: 'trace-suppression-policy'};

export function registerEditCommand(program: Command, io: CommandIo): void {
	program
		.command('edit')
		.description('Edit a resource from the API in your editor and save it back')
		.command('policy')
		.alias('policies')
		.description('Open a policy in $VISUAL or $EDITOR (else vi); saving a valid change updates it, an empty or unchanged file cancels')
		.argument('<name_or_uid>', 'the policy: its exact name or uid (with or without pol:), or a part that matches only it')
		.action(async (nameOrUid: string) => {
			await withBackend(program, io, async ({client}) => {
				await editPolicy(client, await findOnePolicy(client, nameOrUid), io);
			});
		});
}

/**
 * The edit loop: open the draft, check what comes back, reopen it with the
 * problems as comments until it is valid, cancelled, or left as it was
 * reopened (the user gave up). The draft file is removed on success or
 * cancel, and kept, with its path printed, on every failure once it holds
 * the user's edits.
 */
async function editPolicy(client: ApiClient, policy: ServerPolicy, io: CommandIo): Promise<void> {
	const yaml = toYaml(policy.policy);
	const file = path.join(io.env['TMPDIR'] || os.tmpdir(), `spytui-edit-${randomBytes(6).toString('hex')}.yaml`);
	const pristine = draftText(yaml);
	let reopenedBody: string | undefined;
	await fs.writeFile(file, pristine, {flag: 'wx', mode: 0o600});

	for (;;) {
		try {
			await runEditor(file, io);
		} catch (error) {
			// Only a draft holding nothing of the user's goes; any edit of theirs is kept.
			if ((await fs.readFile(file, 'utf8')) === pristine) await fs.rm(file, {force: true});
			else say(io, `Edit failed, edits saved to ${file}`);
			throw error;
		}
		const text = await fs.readFile(file, 'utf8');
		const check = checkDraft(text, {yaml, document: policy.policy}, file);
		if (check.kind === 'cancelled') {
			await fs.rm(file, {force: true});
			say(io, 'Edit cancelled, no changes made.');
			return;
		}
		if (check.kind === 'invalid') {
			const problems = check.problems.map(problem => formatFileProblem(problem));
			for (const problem of problems) say(io, problem);
			// Closing the reopened file without touching the policy means the user gave up: stop asking.
			if (check.body === reopenedBody) throw new CommandError(`Edit failed, edits saved to ${file}`);
			reopenedBody = check.body;
			await fs.writeFile(file, draftWithProblems(policy.uid, check.body, problems));
			say(io, `Edit failed, edits saved to ${file}`);
			continue;
		}
		const document = check.document;
		// The uid says which policy this is; an edit must not turn it into another one.
		document.metadata['uid'] = policy.uid;
		try {
			await applyPolicy(client, document);
		} catch (error) {
			say(io, `Edit failed, edits saved to ${file}`);
			if (error instanceof ApiRequestError && error.kind === 'conflict') throw new CommandError(conflictAdvice(policy.uid, error));
			throw error;
		}
		await fs.rm(file, {force: true});
		say(io, `Successfully edited ${resourceNames[String(document.metadata['type'])] ?? 'policy'} '${policy.uid}'`);
		return;
	}
}
