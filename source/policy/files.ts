import fs from 'node:fs/promises';
import path from 'node:path';
import type {Readable} from 'node:stream';
import {type LoadResult, loadDocuments} from './load.js';

/** What `-f FILE` reads: a path, or `-` for standard input. */
export type FileSource = {file: string; cwd: string; stdin: Readable};

export const stdinName = '<stdin>';

/** Reads a file (or stdin) and loads its objects. Never throws: read failures become problems too. */
export async function readDocuments({file, cwd, stdin}: FileSource): Promise<LoadResult> {
	if (file === '-') return loadDocuments(await readStream(stdin), stdinName);
	try {
		return loadDocuments(await fs.readFile(path.resolve(cwd, file)), file);
	} catch (error) {
		return {objects: [], problems: [{file, path: '', message: readFailure(error)}], isList: false};
	}
}

function readFailure(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return 'no such file';
		case 'EISDIR':
			return 'is a folder, not a file';
		case 'EACCES':
			return 'permission denied';
		default:
			return `cannot read: ${(error as Error).message}`;
	}
}

async function readStream(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks);
}
