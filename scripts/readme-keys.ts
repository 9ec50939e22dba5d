// Prints the README's key table, generated from the keymap so the two cannot drift.
// `--write` replaces the table between the markers in README.md instead.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {helpScopeOrder} from '../source/tui/help-content.js';
import {textKey} from '../source/tui/keys.js';
import {keymap, scopeTitles} from '../source/tui/keymap.js';

export const keysStart = '<!-- keys:start -->';
export const keysEnd = '<!-- keys:end -->';

export const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

function keyCell(key: string): string {
	return key === textKey ? 'any text' : `\`${key}\``;
}

/** The markdown table of every binding, grouped by where it works, with the command id a user keymap names. */
export function keyTable(): string {
	const rows = helpScopeOrder.flatMap(scope =>
		keymap
			.filter(binding => binding.scope === scope)
			.map(binding => `| ${scopeTitles[scope]} | ${binding.keys.map(key => keyCell(key)).join(' ')} | ${binding.description} | \`${binding.command}\` |`),
	);
	return ['| Where | Keys | What it does | Command |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The text between the markers, trimmed; undefined when a marker is missing. */
export function tableInReadme(readme: string): string | undefined {
	const start = readme.indexOf(keysStart);
	const end = readme.indexOf(keysEnd);
	if (start === -1 || end === -1 || end < start) return undefined;
	return readme.slice(start + keysStart.length, end).trim();
}

export function withKeyTable(readme: string): string {
	const start = readme.indexOf(keysStart);
	const end = readme.indexOf(keysEnd);
	if (start === -1 || end === -1 || end < start) throw new Error(`README.md needs ${keysStart} and ${keysEnd} around the key table`);
	return `${readme.slice(0, start + keysStart.length)}\n${keyTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	if (process.argv.includes('--write')) {
		fs.writeFileSync(readmePath, withKeyTable(fs.readFileSync(readmePath, 'utf8')));
		console.log(`updated the key table in ${readmePath}`);
	} else {
		console.log(keyTable());
	}
}
