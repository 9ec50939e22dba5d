import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {type Figure, formatFigure, missed} from './figure.js';

/**
 * Runs every test/bench/*.bench.ts file and prints one line per figure; exits 1 if any target is missed.
 * Arguments narrow the run to the files whose names contain one of them: `npm run bench -- tui server`.
 */
const folder = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
	.readdirSync(folder)
	.filter(name => name.endsWith('.bench.ts') && (only.length === 0 || only.some(part => name.startsWith(part))))
	.sort();
let failures = 0;
for (const file of files) {
	const module = (await import(pathToFileURL(path.join(folder, file)).href)) as {default: () => Promise<Figure[]>};
	for (const figure of await module.default()) {
		console.log(formatFigure(figure));
		if (missed(figure)) failures++;
	}
}
if (files.length === 0) {
	console.log('no benchmarks found in test/bench');
	process.exitCode = 1;
} else if (failures > 0) {
	console.log(`${failures} figure(s) MISSED their target`);
	process.exitCode = 1;
}
