import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {formatPath, type PathSegment} from '../policy/problem.js';
import type {Draft} from './drafts.js';

export type DraftStore = {
	/** Every readable draft, by name. Unreadable files are skipped and show up in problems(). */
	list(): Draft[];
	get(uid: string): Draft | undefined;
	/** Writes the draft through; throws when the disk refuses, so the caller can say the draft is not safe. */
	save(draft: Draft): void;
	remove(uid: string): void;
	/** One line per draft file (or the folder) the last list() or get() could not read, naming it and why. */
	problems(): string[];
};

const documentSchema = z.looseObject({
	apiVersion: z.string(),
	kind: z.string(),
	metadata: z.record(z.string(), z.unknown()),
	spec: z.record(z.string(), z.unknown()),
});

const draftSchema = z.object({
	uid: z.string().min(1),
	name: z.string(),
	baseVersion: z.number().optional(),
	base: documentSchema,
	history: z.array(documentSchema).min(1),
	updatedAt: z.number(),
});

/** Drafts hold whole policies, which say what a workload may do: owner only. */
const fileMode = 0o600;
const folderMode = 0o700;

/**
 * Drafts under `<dataDir>/drafts/`, one JSON file per policy. Every save
 * replaces the file atomically, so a crash or a kill leaves the previous
 * draft or the new one, never half of either.
 */
export function draftStore(dataDir: string): DraftStore {
	const folder = path.join(dataDir, 'drafts');
	const problems = new Map<string, string>();
	const fileOf = (uid: string) => path.join(folder, `${encodeURIComponent(uid)}.json`);

	const read = (file: string): Draft | undefined => {
		problems.delete(file);
		let result = readDraftFile(file);
		// A copied or renamed file would shadow, or outlive, the draft that save() and remove() look after.
		if (typeof result === 'object' && fileOf(result.uid) !== file) result = `holds the draft of ${result.uid}, which belongs in ${path.basename(fileOf(result.uid))}; skipped`;
		if (typeof result === 'string') problems.set(file, `${file}: ${result}`);
		return typeof result === 'string' ? undefined : result;
	};

	return {
		list() {
			problems.clear();
			const names = draftFileNames(folder);
			if (typeof names === 'string') {
				problems.set(folder, `${folder}: cannot list the drafts: ${names}`);
				return [];
			}
			const drafts = names.flatMap(name => read(path.join(folder, name)) ?? []);
			return drafts.sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
		},
		get(uid) {
			return read(fileOf(uid));
		},
		save(draft) {
			fs.mkdirSync(folder, {recursive: true, mode: folderMode});
			writeFileAtomicSync(fileOf(draft.uid), `${JSON.stringify(draft, null, 2)}\n`);
			problems.delete(fileOf(draft.uid));
		},
		remove(uid) {
			fs.rmSync(fileOf(uid), {force: true});
			problems.delete(fileOf(uid));
		},
		problems() {
			return [...problems.values()];
		},
	};
}

/** The draft files in `folder`, or why it cannot be read. */
function draftFileNames(folder: string): string[] | string {
	try {
		// Dotfiles are temporary files of a write that never finished.
		return fs.readdirSync(folder).filter(name => name.endsWith('.json') && !name.startsWith('.'));
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : (error as Error).message;
	}
}

/** The draft in `file`, undefined when there is none, or why it cannot be used. */
function readDraftFile(file: string): Draft | undefined | string {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		return `cannot read the draft: ${(error as Error).message}`;
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return `not a valid draft, skipped: ${(error as Error).message}`;
	}
	const parsed = draftSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue && issue.path.length > 0 ? `${formatPath(issue.path as PathSegment[])}: ` : '';
		return `not a valid draft, skipped: ${where}${issue?.message ?? 'unexpected content'}`;
	}
	// JSON leaves out an undefined baseVersion; a Draft always has the key.
	return {...parsed.data, baseVersion: parsed.data.baseVersion};
}

/** Temp file in the same folder, fsync, rename: readers and crashes see the old file or the new one. */
function writeFileAtomicSync(file: string, text: string): void {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		const descriptor = fs.openSync(temporary, 'wx', fileMode);
		try {
			// The mode given to open is reduced by the umask; a draft must be exactly 0600.
			fs.fchmodSync(descriptor, fileMode);
			fs.writeFileSync(descriptor, text, 'utf8');
			fs.fsyncSync(descriptor);
		} finally {
			fs.closeSync(descriptor);
		}
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}
