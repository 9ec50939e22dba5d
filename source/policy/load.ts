import {isRecord} from './is-record.js';
import jsyaml from 'js-yaml';
import {SourceText} from './source-text.js';
import {readSchemaFor} from './yaml-schema.js';
import type {FileProblem, PathSegment} from './problem.js';

/** One object found in a file: a whole document, an element of an `items` list, or of a JSON array. */
export type LoadedObject = {
	value: Record<string, unknown>;
	source: SourceText;
	/** Which YAML document of the stream holds it. */
	documentIndex: number;
	/** Where it sits inside that document: [] for a whole document, ['items', 2] for a list entry. */
	path: PathSegment[];
};

export type LoadResult = {
	objects: LoadedObject[];
	problems: FileProblem[];
	/** True when the file held an `items` list or several documents, as spyctl reports "List of objects". */
	isList: boolean;
};

const binarySniffBytes = 8000;

/** Turns raw bytes into objects. Never throws: every failure is a problem naming the file. */
export function loadDocuments(bytes: Buffer | string, file: string): LoadResult {
	const decoded = decode(bytes, file);
	if (typeof decoded !== 'string') return failed(decoded);
	const text = decoded;
	if (isBlank(text)) return failed({file, path: '', message: 'file is empty: expected a YAML or JSON document'});

	const source = new SourceText(file, text);
	let values: unknown[];
	try {
		values = jsyaml.loadAll(text, undefined, {schema: readSchemaFor(text), filename: file});
	} catch (error) {
		return failed(...syntaxProblems(source, error));
	}

	const objects: LoadedObject[] = [];
	const problems: FileProblem[] = [];
	let isList = values.filter(value => value !== null && value !== undefined).length > 1;
	for (const [documentIndex, value] of values.entries()) {
		if (value === null || value === undefined) continue;
		const entries = unwrapList(value);
		if (entries.list) isList = true;
		for (const {value: entry, path} of entries.items) {
			if (isRecord(entry)) {
				objects.push({value: entry, source, documentIndex, path});
			} else {
				const position = source.locate(documentIndex, path);
				problems.push({file, path: '', ...position, message: `expected an object with apiVersion and kind, found ${describeValue(entry)}`});
			}
		}
	}
	if (objects.length === 0 && problems.length === 0) problems.push({file, path: '', message: 'file is empty: expected a YAML or JSON document'});
	return {objects, problems, isList};
}

function unwrapList(value: unknown): {list: boolean; items: Array<{value: unknown; path: PathSegment[]}>} {
	if (Array.isArray(value)) return {list: true, items: value.map((item, index) => ({value: item, path: [index]}))};
	if (isRecord(value) && Array.isArray(value['items']) && value['kind'] === undefined) {
		return {list: true, items: value['items'].map((item, index) => ({value: item, path: ['items', index]}))};
	}
	return {list: false, items: [{value, path: []}]};
}

function decode(bytes: Buffer | string, file: string): string | FileProblem {
	if (typeof bytes === 'string') return stripBom(bytes);
	if (bytes.subarray(0, binarySniffBytes).includes(0)) {
		return {file, path: '', message: 'file is binary, not YAML or JSON text'};
	}
	try {
		return stripBom(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
	} catch {
		const offset = firstInvalidUtf8(bytes);
		return {file, path: '', message: `file is not UTF-8 text (invalid byte at offset ${offset})`};
	}
}

function firstInvalidUtf8(bytes: Buffer): number {
	const decoder = new TextDecoder('utf-8', {fatal: true});
	let low = 0;
	let high = bytes.length;
	// The longest valid prefix, found by bisection; the byte after it is the culprit.
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		try {
			decoder.decode(bytes.subarray(0, middle), {stream: true});
			decoder.decode();
			low = middle;
		} catch {
			high = middle - 1;
		}
	}
	return low;
}

function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text;
}

function isBlank(text: string): boolean {
	return text.split('\n').every(line => {
		const trimmed = line.trim();
		return trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...';
	});
}

/**
 * The fast loader stops at the first error; the positional parser lists them all
 * with line and column, so it speaks for the file. If the two disagree, the fast
 * loader's own message still reaches the user.
 */
function syntaxProblems(source: SourceText, error: unknown): FileProblem[] {
	const problems: FileProblem[] = [];
	for (const document of source.documents()) {
		for (const yamlError of document.errors) {
			const firstLine = yamlError.message.split('\n')[0] ?? yamlError.message;
			const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
			problems.push({file: source.file, path: '', ...source.positionOf(yamlError.pos[0]), message: `not valid YAML or JSON: ${message}`});
		}
	}
	if (problems.length > 0) return problems;
	if (error instanceof jsyaml.YAMLException) {
		return [{file: source.file, path: '', line: error.mark.line + 1, column: error.mark.column + 1, message: `not valid YAML or JSON: ${error.reason}`}];
	}
	return [{file: source.file, path: '', message: `not valid YAML or JSON: ${String(error)}`}];
}

function failed(...problems: FileProblem[]): LoadResult {
	return {objects: [], problems, isList: false};
}


export function describeValue(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
	return `the ${typeof value} ${String(value)}`;
}
