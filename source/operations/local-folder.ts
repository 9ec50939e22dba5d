import type {Dirent} from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {Readable} from 'node:stream';
import {readDocuments} from '../policy/files.js';
import {type LoadedObject} from '../policy/load.js';
import {isRecord} from '../policy/is-record.js';
import type {FileProblem} from '../policy/problem.js';
import {type PolicyStatus, policyStatus} from '../policy/status.js';
import {validateLoaded} from '../policy/validate.js';

/** One SpyderbatPolicy found in a file; `problems` is empty when it is valid. */
export type LocalPolicyRow = {
	kind: 'policy';
	/** Stable across reloads while the file keeps its layout: file plus position in it. */
	id: string;
	/** Path relative to the scanned folder. */
	file: string;
	name: string;
	uid?: string;
	type: string;
	status: PolicyStatus;
	mode: string;
	enabled: boolean;
	value: Record<string, unknown>;
	problems: FileProblem[];
};

/** A file that could not be read or loaded, or whose non-policy objects are invalid. */
export type LocalFileRow = {
	kind: 'file';
	id: string;
	file: string;
	problems: FileProblem[];
};

export type LocalRow = LocalPolicyRow | LocalFileRow;

export type FolderScan = {
	/** The folder as the user named it. */
	folder: string;
	rows: LocalRow[];
	/** Policy files read (after the extension filter). */
	files: number;
	/** Files with at least one problem, whether the problem sits on a policy row or a file row. */
	invalidFiles: number;
	/** Valid objects of other kinds, which this screen does not list. */
	otherObjects: Array<{file: string; kind: string}>;
	/** Why there is nothing to show: the folder is missing, not a folder, or holds no policy files. */
	message?: string;
};

export const policyFileExtensions = ['.yaml', '.yml', '.json'] as const;

/** Folders that hold tooling, not policies; descending into them only adds noise and time. */
const skippedFolders = new Set(['node_modules']);

/**
 * Loads and validates every policy file in `folder` and one level of subfolders.
 * Never throws for a bad folder or file: those become a message or a file row.
 */
export async function scanPolicyFolder(folder: string, cwd: string): Promise<FolderScan> {
	const absolute = path.resolve(cwd, folder);
	const found = await listPolicyFiles(absolute);
	if ('message' in found) return emptyScan(folder, found.message);
	if (found.files.length === 0) {
		return emptyScan(folder, `no policy files in ${folder} (looked for ${policyFileExtensions.map(extension => `*${extension}`).join(', ')} here and one folder down)`);
	}

	const scanned = await Promise.all(found.files.map(async file => scanFile(folder, file, cwd)));
	const rows = scanned.flatMap(result => result.rows).sort(compareRows);
	return {
		folder,
		rows,
		files: found.files.length,
		invalidFiles: scanned.filter(result => result.rows.some(row => row.problems.length > 0)).length,
		otherObjects: scanned.flatMap(result => result.otherObjects),
	};
}

function emptyScan(folder: string, message: string): FolderScan {
	return {folder, rows: [], files: 0, invalidFiles: 0, otherObjects: [], message};
}

async function listPolicyFiles(absolute: string): Promise<{files: string[]} | {message: string}> {
	const top = await readFolder(absolute);
	if ('message' in top) return top;
	const files: string[] = [];
	for (const entry of top.entries) {
		if (entry.isFile() && isPolicyFile(entry.name)) files.push(entry.name);
		if (entry.isDirectory() && !entry.name.startsWith('.') && !skippedFolders.has(entry.name)) {
			const inner = await readFolder(path.join(absolute, entry.name));
			// An unreadable subfolder is not worth failing the whole scan over.
			if ('message' in inner) continue;
			for (const child of inner.entries) {
				if (child.isFile() && isPolicyFile(child.name)) files.push(path.join(entry.name, child.name));
			}
		}
	}
	return {files: files.sort()};
}

async function readFolder(absolute: string): Promise<{entries: Dirent[]} | {message: string}> {
	try {
		return {entries: await fs.readdir(absolute, {withFileTypes: true})};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {message: `folder not found: ${absolute}`};
		if (code === 'ENOTDIR') return {message: `not a folder: ${absolute}`};
		if (code === 'EACCES') return {message: `permission denied: ${absolute}`};
		return {message: `cannot read ${absolute}: ${(error as Error).message}`};
	}
}

function isPolicyFile(name: string): boolean {
	const lower = name.toLowerCase();
	return !name.startsWith('.') && policyFileExtensions.some(extension => lower.endsWith(extension));
}

type FileResult = {rows: LocalRow[]; otherObjects: FolderScan['otherObjects']};

async function scanFile(folder: string, file: string, cwd: string): Promise<FileResult> {
	// Problems name the file relative to where spytui runs, so `file:line:col` opens from the same shell.
	const shownName = path.join(folder, file);
	// The name always ends in a policy extension, so it is never `-` and stdin is never read.
	const loaded = await readDocuments({file: shownName, cwd, stdin: Readable.from([])});
	const rows: LocalRow[] = [];
	const otherObjects: FolderScan['otherObjects'] = [];
	const fileProblems = [...loaded.problems];
	for (const object of loaded.objects) {
		const problems = validateLoaded([object]);
		if (object.value['kind'] === 'SpyderbatPolicy') {
			rows.push(policyRow(file, object, problems));
		} else if (problems.length > 0) {
			fileProblems.push(...problems);
		} else {
			otherObjects.push({file, kind: String(object.value['kind'])});
		}
	}
	if (fileProblems.length > 0) rows.unshift({kind: 'file', id: file, file, problems: fileProblems});
	return {rows, otherObjects};
}

function policyRow(file: string, object: LoadedObject, problems: FileProblem[]): LocalPolicyRow {
	const {value} = object;
	const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
	const spec = isRecord(value['spec']) ? value['spec'] : {};
	const uid = typeof metadata['uid'] === 'string' && metadata['uid'] !== '' ? metadata['uid'] : undefined;
	return {
		kind: 'policy',
		id: `${file}#${object.documentIndex}${object.path.map(segment => `/${segment}`).join('')}`,
		file,
		name: typeof metadata['name'] === 'string' && metadata['name'] !== '' ? metadata['name'] : '(unnamed)',
		...(uid === undefined ? {} : {uid}),
		type: typeof metadata['type'] === 'string' ? metadata['type'] : '?',
		status: policyStatus(value),
		// spyctl treats a missing mode as enforce (reference §4.2), so the column says so too.
		mode: typeof spec['mode'] === 'string' ? spec['mode'] : 'enforce',
		enabled: spec['enabled'] !== false,
		value,
		problems,
	};
}

/** Broken files first, so they are seen; then policies in spyctl's order, by type and name. */
function compareRows(a: LocalRow, b: LocalRow): number {
	if (a.kind !== b.kind) return a.kind === 'file' ? -1 : 1;
	if (a.kind === 'file' || b.kind === 'file') return a.file.localeCompare(b.file);
	return a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.file.localeCompare(b.file) || a.id.localeCompare(b.id);
}
