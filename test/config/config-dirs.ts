import fs from 'node:fs';
import path from 'node:path';
import {tempDir} from '../helpers/cli.js';

// One cleanup hook per test file rather than one per folder.
const root = tempDir('spytui-config-test-');

/** A home folder and a project folder (outside home) in fresh temp dirs. */
export function makeDirs(): {home: string; project: string} {
	return {home: fs.mkdtempSync(path.join(root, 'home-')), project: fs.mkdtempSync(path.join(root, 'project-'))};
}

export function writeFile(file: string, text: string, mode?: number): string {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, text, mode === undefined ? undefined : {mode});
	return file;
}

export function configPath(root: string): string {
	return path.join(root, '.spyctl', 'config');
}

export function secretsPath(root: string): string {
	return path.join(root, '.spyctl', '.secrets', 'secrets');
}

export function read(file: string): string {
	return fs.readFileSync(file, 'utf8');
}

export function modeOf(file: string): number {
	return fs.statSync(file).mode & 0o777;
}

/** A config file in spyctl's own layout: unindented lists, as PyYAML writes them. */
export function configText(contexts: Array<{name: string; secret: string; org: string; extra?: string}>, current = '__none__'): string {
	const entries = contexts
		.map(
			context =>
				`- name: ${context.name}\n  secret: ${context.secret}\n  context:\n    organization: ${context.org}\n${context.extra ?? ''}`,
		)
		.join('');
	return `apiVersion: spyderbat/v1\nkind: Config\ncontexts:${entries ? `\n${entries}` : ' []\n'}current-context: ${current}\n`;
}

export function secretText(name: string, apiKey: string, apiUrl = 'https://api.spyderbat.com'): string {
	return `- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata:\n    name: ${name}\n    creationTimestamp: 1690000000.12\n  stringData:\n    apikey: ${apiKey}\n    apiurl: ${apiUrl}\n`;
}
