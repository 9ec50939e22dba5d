import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {ApiRequestError} from '../api/errors.js';
import {errorText} from './error-text.js';
import type {PolicyDocument} from '../api/policy-records.js';
import type {Backend} from '../operations/backend.js';
import {deviationPair, versionPair} from '../operations/diff-sources.js';
import {applyPolicy} from '../operations/policies.js';
import {toYaml} from '../policy/dump.js';
import {fingerprintWindowSeconds} from './create/flow.js';
import {readSource} from './create/read-source.js';
import {groupWorkloads} from './create/workloads.js';
import {editInEditor} from './edit-loop.js';
import type {Action, BackendInfo, Task} from './store.js';

/** What tasks need from outside the app: the API, the disk, the terminal. */
export type TaskContext = {
	/** The API in use, once connected. */
	backend: () => Backend | undefined;
	/** Opens the API of a spyctl context (undefined: what the command line chose) and makes it the one in use. */
	connect: (context: string | undefined) => Promise<Backend>;
	/** Where `s` writes files. */
	saveDir: string;
	/** Opens a file in the user's editor with the app suspended; returns once the editor exits. */
	openEditor: (file: string) => void;
	/** Where the editor's temporary file goes. */
	tempDir: string;
};

/** Runs one task and says how it went, as the action the reducer expects. Never throws. */
export async function runTask(task: Task, context: TaskContext): Promise<Action> {
	try {
		return await attempt(task, context);
	} catch (error) {
		return {type: 'task-failed', task: task.id, message: errorText(error)};
	}
}

async function attempt(task: Task, context: TaskContext): Promise<Action> {
	if (task.kind === 'connect') {
		const backend = await context.connect(task.context);
		return {type: 'connected', task: task.id, backend: backendInfo(backend)};
	}
	if (task.kind === 'save') return {type: 'saved', task: task.id, file: await saveCopy(context.saveDir, task.name, task.document)};
	if (task.kind === 'edit') {
		const document = await editInEditor(task, context);
		return {type: 'edited', task: task.id, uid: task.uid, at: Date.now() / 1000, ...(document ? {document} : {})};
	}
	// Relative paths start where spytui runs, the folder `s` saves to.
	if (task.kind === 'read-source') return {type: 'source-read', task: task.id, read: await readSource(task.name, {cwd: context.saveDir, home: os.homedir()})};
	const backend = context.backend();
	if (!backend) throw new Error('not connected to the API');
	switch (task.kind) {
		case 'delete': {
			await backend.client.deletePolicy(task.uid);
			return {type: 'deleted', task: task.id, uid: task.uid, message: `Successfully deleted policy '${task.name} - ${task.uid}'`};
		}
		case 'fingerprints': {
			const at = Date.now() / 1000;
			const records = await backend.client.fingerprints({startTime: at - fingerprintWindowSeconds, endTime: at});
			return {type: 'fingerprints-fetched', task: task.id, workloads: groupWorkloads(records), at};
		}
		case 'create': {
			const uid = await backend.client.createPolicy(task.document);
			// The list shows this copy until the refresh that follows brings the server's own.
			const policy = {uid, name: task.name, type: String(task.document.metadata['type']), tags: [], policy: {...task.document, metadata: {...task.document.metadata, uid}}};
			return {type: 'created', task: task.id, policy, message: `Successfully created policy ${uid} (${task.name})`};
		}
		case 'diff': {
			const source = task.source;
			const pair = source.kind === 'deviations' ? await deviationPair(backend.client, task.policy, source.window) : await versionPair(backend.client, task.uid, source.from, source.to);
			return {type: 'diff-loaded', task: task.id, pair};
		}
		default: {
			return apply(task, backend);
		}
	}
}

async function apply(task: Extract<Task, {kind: 'apply'}>, backend: Backend): Promise<Action> {
	try {
		const result = await applyPolicy(backend.client, task.document);
		return {type: 'applied', task: task.id, uid: task.uid, message: result.message};
	} catch (error) {
		// Someone changed it first: fetch what they made, so the user can see both sides.
		if (error instanceof ApiRequestError && error.kind === 'conflict') {
			return {type: 'apply-conflict', task: task.id, uid: task.uid, latest: await backend.client.getPolicy(task.uid)};
		}
		throw error;
	}
}

export function backendInfo(backend: Backend): BackendInfo {
	return {kind: backend.kind, label: backend.label, organization: backend.organization, ...(backend.contextName === undefined ? {} : {contextName: backend.contextName})};
}

/** `NAME.yaml` in `folder`, or `NAME-2.yaml` and so on: an existing file is never overwritten. */
async function saveCopy(folder: string, name: string, document: Record<string, unknown> | PolicyDocument): Promise<string> {
	const base = name.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '') || 'policy';
	const text = toYaml(document);
	for (let attempt = 1; ; attempt++) {
		const file = path.join(folder, attempt === 1 ? `${base}.yaml` : `${base}-${attempt}.yaml`);
		try {
			await fs.writeFile(file, text, {flag: 'wx'});
			return file;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}
