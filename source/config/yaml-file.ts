import fs from 'node:fs/promises';
import {type Document, LineCounter, parseDocument} from 'yaml';
import type {z} from 'zod';
import {ConfigFileError} from './errors.js';
import {formatPath, type PathSegment} from '../policy/problem.js';
import {locateInDocument} from '../policy/source-text.js';
import {issuesToProblems} from '../policy/zod-issues.js';

/** A YAML file as found on disk, kept as a Document so edits preserve comments and key order. */
export type YamlFile = {
	path: string;
	exists: boolean;
	document: Document;
	lineCounter: LineCounter;
};

/** Reads and parses a YAML file; a missing file is an empty document. */
export async function readYamlFile(path: string, label: string): Promise<YamlFile> {
	const text = await readTextIfExists(path, label);
	const lineCounter = new LineCounter();
	// Pretty errors quote the offending source line, which in a secrets file may hold a key.
	const document = parseDocument(text ?? '', {lineCounter, prettyErrors: false});
	const [error] = document.errors;
	if (error) {
		const {line, col} = lineCounter.linePos(Math.max(error.pos[0], 0));
		throw new ConfigFileError(`${label} ${path}:${line}:${col} is not valid YAML: ${error.message}`);
	}
	return {path, exists: text !== undefined, document, lineCounter};
}

/** Validates a parsed file, reporting the first problem with its field path and position. */
export function validateYamlFile<Schema extends z.ZodType>(file: YamlFile, schema: Schema, label: string, input: unknown): z.output<Schema> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	// A config or secrets file may hold a key: messages never repeat a value.
	const [first, ...rest] = issuesToProblems(result.error.issues, {schema, root: input, quoteValues: false});
	if (!first) throw new ConfigFileError(`${label} ${file.path} is invalid.`);
	const more = rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
	throw invalidFieldError(file, label, first.path, `${first.message}${more}`, first.atKey);
}

/** `<label> <file>:<line>:<col> is invalid: <field path>: <message>`, on one line. */
export function invalidFieldError(
	file: YamlFile,
	label: string,
	path: readonly PathSegment[],
	message: string,
	atKey = false,
): ConfigFileError {
	const position = locateInDocument(file.document, file.lineCounter, path, atKey);
	const where = position ? `${file.path}:${position.line}:${position.column}` : file.path;
	return new ConfigFileError(`${label} ${where} is invalid: ${formatPath(path) || 'the document'}: ${message}`);
}

async function readTextIfExists(path: string, label: string): Promise<string | undefined> {
	try {
		return await fs.readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return undefined;
		throw new ConfigFileError(`Unable to read ${label.toLowerCase()} ${path}: ${code ?? String(error)}`);
	}
}
