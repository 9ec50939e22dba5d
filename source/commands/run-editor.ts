import {spawn, type StdioOptions} from 'node:child_process';
import type {Readable, Writable} from 'node:stream';
import {CommandError} from './errors.js';
import type {CommandIo} from './io.js';

/** `$VISUAL`, else `$EDITOR`, else `vi`, as git and kubectl choose. */
export function editorOf(env: NodeJS.ProcessEnv): string {
	return env['VISUAL'] || env['EDITOR'] || 'vi';
}

/**
 * Opens `file` in the user's editor and waits for it to exit. The editor
 * command goes through the shell, as click.edit does it, so `EDITOR="code
 * --wait"` works. It gets the terminal: the command's own streams when they
 * are file descriptors, else (in tests) pipes into them.
 */
export async function runEditor(file: string, io: CommandIo): Promise<void> {
	const editor = editorOf(io.env);
	const stdio: StdioOptions = [fdOf(io.stdin) ?? 'ignore', fdOf(io.stdout) ?? 'pipe', fdOf(io.stderr) ?? 'pipe'];
	const child = spawn(`${editor} ${shellQuote(file)}`, {shell: true, stdio, env: io.env, cwd: io.cwd});
	child.stdout?.pipe(io.stdout, {end: false});
	child.stderr?.pipe(io.stderr, {end: false});
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', resolve);
	}).catch((error: unknown) => {
		throw new CommandError(`could not start the editor '${editor}': ${(error as Error).message}`);
	});
	if (code !== 0) throw new CommandError(`the editor '${editor}' failed (exit code ${code ?? 'none: it was killed'}); set VISUAL or EDITOR to the editor to use`);
}

function fdOf(stream: Readable | Writable): number | undefined {
	const fd = (stream as {fd?: unknown}).fd;
	return typeof fd === 'number' ? fd : undefined;
}

function shellQuote(text: string): string {
	return `'${text.replaceAll("'", String.raw`'\''`)}'`;
}
