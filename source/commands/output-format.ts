import {Option} from 'commander';
import {toJson, toYaml} from '../policy/dump.js';

export type DocumentFormat = 'yaml' | 'json';

/** `-o yaml|json` for commands that print a document; undefined when not given, so a file's own format can decide. */
export function documentOutputOption(): Option {
	return new Option('-o, --output <format>', 'output format (default: yaml, or json for a .json file)').choices(['yaml', 'json']);
}

export function formatDocument(value: unknown, format: DocumentFormat): string {
	return format === 'json' ? toJson(value) : toYaml(value);
}

/** The format to write `file` in: the one asked for, else what its name says. */
export function formatForFile(file: string | undefined, asked: DocumentFormat | undefined): DocumentFormat {
	return asked ?? (file?.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
}
