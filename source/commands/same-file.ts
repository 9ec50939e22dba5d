import fs from 'node:fs/promises';
import path from 'node:path';
import {CommandError} from './errors.js';
import type {CommandIo} from './io.js';

async function identity(file: string): Promise<{dev: number; ino: number; size: number} | undefined> {
	try {
		const stats = await fs.stat(file);
		return {dev: stats.dev, ino: stats.ino, size: stats.size};
	} catch {
		return undefined;
	}
}

/** Do two paths name one existing file (hard links and symlinks included)? */
export async function sameFile(left: string, right: string): Promise<boolean> {
	const [a, b] = await Promise.all([identity(left), identity(right)]);
	return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

async function exists(file: string): Promise<boolean> {
	return (await identity(file)) !== undefined;
}

/**
 * `spytui merge -f p.yaml > p.yaml`: the shell truncated p.yaml before spytui
 * started, so the input is already lost. Writing the merge of an empty file
 * would hide that; stop and say how to get it back instead. (`>>` loses
 * nothing yet, but would still write the merge into its input.)
 */
export async function checkStdoutIsNotInput(inputs: readonly string[], io: CommandIo): Promise<void> {
	const stdout = io.stdoutFile;
	if (!stdout) return;
	for (const [index, input] of inputs.entries()) {
		if (input === '-') continue;
		const absolute = path.resolve(io.cwd, input);
		const file = await identity(absolute);
		if (!file || file.dev !== stdout.dev || file.ino !== stdout.ino) continue;
		const role = index === 0 ? 'the file to merge into' : 'one of the files to merge with';
		const next = index === 0 ? `run the merge again with --in-place to update '${input}' safely, or redirect to another file.` : 'redirect the output to another file.';
		if (file.size > 0) throw new CommandError(`standard output goes to '${input}', ${role}: the merge would be written into its own input. Instead, ${next}`);
		const backup = (await exists(`${absolute}.bak`)) ? `from '${input}.bak' (the version before the last --in-place merge), ` : '';
		throw new CommandError(
			`standard output is redirected to '${input}', ${role}: the shell emptied it before spytui started, so its content is gone and nothing was merged. ` +
				`Restore it ${backup}from version control (e.g. git checkout -- '${input}') or your editor's history, then ${next}`,
		);
	}
}
