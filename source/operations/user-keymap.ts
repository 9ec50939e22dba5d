import fs from 'node:fs/promises';
import path from 'node:path';
import {closestFieldName} from '../policy/field-names.js';
import {describeValue, loadDocuments} from '../policy/load.js';
import {type FileProblem, formatFileProblem, type PathSegment} from '../policy/problem.js';
import {SourceText} from '../policy/source-text.js';

/** Command id -> the keys that run it, replacing the default keys; [] unbinds the command. */
export type KeyOverrides = Record<string, string[]>;

/** `${XDG_CONFIG_HOME:-~/.config}/spytui/keys.yaml`. */
export function userKeymapPath(env: NodeJS.ProcessEnv, home: string): string {
	const base = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
	return path.join(base, 'spytui', 'keys.yaml');
}

/**
 * Reads the user's key overrides: a mapping `command.id: key` or
 * `command.id: [key, ...]`. A bad entry is reported with its line and column
 * and keeps the command's default keys; every good entry still applies, so one
 * typo does not take the user's other keys away.
 */
export async function loadUserKeymap(file: string, commands: readonly string[], isValidKey: (key: string) => boolean): Promise<{overrides: KeyOverrides; problems: string[]}> {
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {overrides: {}, problems: []};
		return {overrides: {}, problems: [`${file}: cannot read the keymap: ${(error as Error).message}`]};
	}
	// A file of comments only is a keymap that changes nothing, not an error.
	if (isBlank(text)) return {overrides: {}, problems: []};

	const loaded = loadDocuments(text, file);
	const [object] = loaded.objects;
	if (object === undefined || loaded.objects.length > 1 || loaded.isList || loaded.problems.length > 0) {
		return {overrides: {}, problems: notOneMapping(text, file, loaded.problems).map(problem => formatFileProblem(problem))};
	}

	const known = new Set(commands);
	const overrides: KeyOverrides = {};
	const problems: FileProblem[] = [];
	const at = (segments: PathSegment[], atKey = false) => ({file, ...object.source.locate(object.documentIndex, segments, atKey)});
	for (const [command, value] of Object.entries(object.value)) {
		if (!known.has(command)) {
			const suggestion = closestFieldName(command, commands);
			problems.push({...at([command], true), path: '', message: `unknown command "${command}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`});
			continue;
		}
		const checked = checkKeys(value, isValidKey);
		if (checked.problems.length === 0) {
			overrides[command] = checked.keys;
			continue;
		}
		for (const problem of checked.problems) {
			problems.push({...at([command, ...problem.path]), path: command, message: `${problem.message}; the default keys stay`});
		}
	}
	return {overrides, problems: problems.map(problem => formatFileProblem(problem))};
}

type KeyProblem = {path: PathSegment[]; message: string};

function checkKeys(value: unknown, isValidKey: (key: string) => boolean): {keys: string[]; problems: KeyProblem[]} {
	const inList = Array.isArray(value);
	const entries: Array<{value: unknown; path: PathSegment[]}> = inList ? value.map((item, index) => ({value: item, path: [index]})) : [{value, path: []}];
	const keys: string[] = [];
	const problems: KeyProblem[] = [];
	for (const entry of entries) {
		if (typeof entry.value !== 'string') {
			problems.push({path: entry.path, message: notAKeyName(entry.value, inList)});
		} else if (isValidKey(entry.value)) {
			if (!keys.includes(entry.value)) keys.push(entry.value);
		} else {
			problems.push({path: entry.path, message: `"${entry.value}" is not a key name`});
		}
	}
	return {keys, problems};
}

function notAKeyName(value: unknown, inList: boolean): string {
	const expected = inList ? 'expected a key name' : 'expected a key name or a list of them';
	// YAML reads `1` and `true` as a number and a boolean; quoting them is what the user meant.
	if (typeof value === 'number' || typeof value === 'boolean') return `${expected}, found ${describeValue(value)} (quote it: '${String(value)}')`;
	if (value === null && !inList) return `${expected}, found nothing (write [] to unbind the command)`;
	return `${expected}, found ${describeValue(value)}`;
}

/**
 * Syntax errors are the loader's to tell. Anything else it objects to is about
 * policies (it wants apiVersion and kind), which would mislead here.
 */
function notOneMapping(text: string, file: string, loaderProblems: FileProblem[]): FileProblem[] {
	const source = new SourceText(file, text);
	if (source.documents().some(document => document.errors.length > 0)) return loaderProblems;
	return [{file, path: '', ...source.locate(0, []), message: 'expected one mapping of command ids to keys, such as `list.down: [j, down]`'}];
}

function isBlank(text: string): boolean {
	return text.split('\n').every(line => line.trim() === '' || line.trim().startsWith('#'));
}
