import fs from 'node:fs/promises';
import path from 'node:path';
import {useEffect} from 'react';
import type {ApiClient} from '../../api/client.js';
import {findOnePolicy} from '../../operations/policies.js';
import {writeFileAtomic} from '../../policy/atomic-write.js';
import {errorText} from '../error-text.js';
import {createBatcher} from './batcher.js';
import {batchSize} from './entry.js';
import type {LogsAction, LogsState, SaveRequest} from './state.js';
import {mergeReports, type TailReport} from './tail-report.js';
import {followInThread} from './tail-thread.js';
import {windowAt} from './windows.js';

/** At most 30 updates a second reach the panel, whatever the rate of events. */
const frameMs = 1000 / 30;

export type LogTailOptions = {
	/** How often the tail asks for new events. */
	pollMs: number;
	/** Where ctrl+s writes its file. */
	saveDir: string;
};

/**
 * The logs panel's effects: the live tail of its request through the API
 * (with `spytui logs -f`'s iterator semantics, retrying by itself while the
 * API is away, on the tail's own thread), and writing the file ctrl+s asks for. `connection` changes
 * when the API does, which starts the tail again on the new one.
 */
export function useLogTail(logs: LogsState | undefined, client: () => ApiClient | undefined, connection: unknown, dispatch: (action: LogsAction) => void, options: LogTailOptions): void {
	const request = logs?.request;
	const {pollMs, saveDir} = options;
	useEffect(() => {
		const api = client();
		if (!request || !api || !connection) return;
		const controller = new AbortController();
		const batcher = createBatcher<TailReport>({
			intervalMs: frameMs,
			merge: mergeReports,
			flush: report => {
				dispatch({type: 'logs', kind: 'read', request, ...report});
			},
		});
		const stop = (message: string) => {
			if (!controller.signal.aborted) dispatch({type: 'logs', kind: 'stopped', request, message});
		};
		let stopTail: (() => void) | undefined;
		const {target} = request;
		if (target.kind === 'lookup') {
			findOnePolicy(api, target.query).then(
				policy => {
					if (!controller.signal.aborted) dispatch({type: 'logs', kind: 'found', request, uid: policy.uid, name: policy.name});
				},
				(error: unknown) => stop(errorText(error)),
			);
		} else {
			const window = windowAt(request.window);
			stopTail = followInThread(
				api.connection(),
				{
					...(target.kind === 'policy' ? {policyUid: target.uid} : {}),
					startTime: Date.now() / 1000 - window.seconds,
					...(window.tail === undefined ? {} : {tail: window.tail}),
					pollMs,
				},
				{
					onRead: batch => batcher.add({batches: batchSize(batch) === 0 ? [] : [batch], read: true}),
					onRetry: (failures, message) => batcher.add({batches: [], read: false, retry: {failures, message}}),
					onStopped: stop,
				},
			);
		}
		return () => {
			controller.abort();
			stopTail?.();
			batcher.close();
		};
	}, [request, client, connection, dispatch, pollMs]);

	const save = logs?.save;
	useEffect(() => {
		if (!save) return;
		let live = true;
		writeLines(saveDir, save).then(
			file => {
				if (live) dispatch({type: 'logs', kind: 'saved', save, file});
			},
			(error: unknown) => {
				if (live) dispatch({type: 'logs', kind: 'save-failed', save, message: errorText(error)});
			},
		);
		return () => {
			live = false;
		};
	}, [save, saveDir, dispatch]);
}

/** Writes the lines to a new file (`NAME-2.log` if the name is taken), atomically: a crash leaves no half file. */
async function writeLines(folder: string, save: SaveRequest): Promise<string> {
	const extension = path.extname(save.name);
	const stem = save.name.slice(0, save.name.length - extension.length);
	for (let attempt = 1; ; attempt++) {
		const file = path.join(folder, attempt === 1 ? save.name : `${stem}-${attempt}${extension}`);
		if (await exists(file)) continue;
		await writeFileAtomic(file, `${save.lines.join('\n')}\n`);
		return file;
	}
}

async function exists(file: string): Promise<boolean> {
	return fs.access(file).then(
		() => true,
		() => false,
	);
}
