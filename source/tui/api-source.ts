import os from 'node:os';
import path from 'node:path';
import type {CommandIo} from '../commands/io.js';
import type {TuiOptions} from '../commands/program.js';
import type {Backend} from '../operations/backend.js';
import {type Draft, type DraftStore, draftStore} from '../operations/drafts.js';
import type {ApiSource} from './app.js';
import type {FlashLevel} from './store.js';
import {editorRunner} from './suspend.js';

/** A TUI should say a request failed within seconds, and retry on its own schedule, visibly. */
const tuiHttp = {retries: 0, connectTimeout: 5000, requestTimeout: 20_000};

export type ApiStart = {
	source: ApiSource;
	/** Restored drafts and unreadable draft files, for the first frame's flash line. */
	notices: Array<{level: FlashLevel; text: string}>;
	/** Closes the API in use (and waits for one still opening): an embedded server must not outlive the app. */
	close: () => Promise<void>;
};

/**
 * The app's API side: the backend the command line chose (switched with
 * `:ctx`), the drafts on disk, and the terminal hand-over for the editor.
 */
export function apiSource(io: CommandIo, options: TuiOptions & {refreshMs: number; dataDir: string}): ApiStart {
	const drafts = draftStore(options.dataDir);
	const {restored, notices} = restoreDrafts(drafts);
	let current: Backend | undefined;
	let opening: Promise<Backend> | undefined;

	const connect = async (context: string | undefined): Promise<Backend> => {
		// Without a name, what the command line chose (--context, --local, else the current context).
		const choice = context === undefined ? {context: options.context, local: options.local} : {context};
		// Loaded here, not up front: the server, its database and the HTTP client need not delay the first frame.
		const {openBackend} = await import('../operations/backend.js');
		opening = openBackend(io, {...choice, http: tuiHttp, serverProcess: true, observer: options.observer !== false});
		const next = await opening;
		const previous = current;
		current = next;
		await previous?.close();
		return next;
	};

	return {
		source: {
			kind: 'api',
			connect,
			drafts,
			draftsFolder: path.join(options.dataDir, 'drafts'),
			restored,
			readOnly: Boolean(options.readOnly),
			refreshMs: options.refreshMs,
			saveDir: io.cwd,
			tempDir: io.env['TMPDIR'] || os.tmpdir(),
			openEditor: editorRunner({stdin: io.stdin as NodeJS.ReadStream, stdout: io.stdout as NodeJS.WriteStream, env: io.env, cwd: io.cwd}),
		},
		notices,
		close: async () => {
			await opening?.then(
				() => undefined,
				() => undefined,
			);
			await current?.close();
		},
	};
}

/** The drafts a crash, a kill or a quit left behind, and what to say about them on the first frame. */
export function restoreDrafts(store: DraftStore): {restored: Map<string, Draft>; notices: ApiStart['notices']} {
	const drafts = store.list();
	const notices: ApiStart['notices'] = [];
	if (drafts.length > 0) {
		const names = drafts.map(draft => draft.name).join(', ');
		notices.push({level: 'info', text: `restored ${drafts.length} unapplied draft${drafts.length === 1 ? '' : 's'} from the last session: ${names} (a applies, u undoes)`});
	}
	for (const problem of store.problems()) notices.push({level: 'warn', text: problem});
	return {restored: new Map(drafts.map(draft => [draft.uid, draft])), notices};
}
