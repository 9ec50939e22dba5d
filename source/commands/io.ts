import type {Readable, Writable} from 'node:stream';
import fs from 'node:fs';
import os from 'node:os';
import {redactSecrets} from '../config/redact.js';

/**
 * Everything a command touches outside its arguments. Commands never reach for
 * process.* directly, so tests run them in-process with captured streams.
 */
export type CommandIo = {
	stdout: Writable;
	stderr: Writable;
	stdin: Readable;
	/** stdin is an interactive terminal (prompts are allowed). */
	stdinIsTty: boolean;
	/** stdout is a terminal (colour is allowed unless NO_COLOR or --no-color). */
	stdoutIsTty: boolean;
	env: NodeJS.ProcessEnv;
	cwd: string;
	home: string;
	/**
	 * The file stdout is redirected to, if it is a regular file. `merge -f p.yaml > p.yaml`
	 * has already emptied p.yaml when spytui starts; this is how the command notices.
	 */
	stdoutFile?: {dev: number; ino: number};
};

export function processIo(): CommandIo {
	return {
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		stdinIsTty: Boolean(process.stdin.isTTY),
		stdoutIsTty: Boolean(process.stdout.isTTY),
		env: process.env,
		cwd: process.cwd(),
		home: os.homedir(),
		stdoutFile: regularFileOn(1),
	};
}

function regularFileOn(fd: number): {dev: number; ino: number} | undefined {
	try {
		const stats = fs.fstatSync(fd);
		return stats.isFile() ? {dev: stats.dev, ino: stats.ino} : undefined;
	} catch {
		return undefined;
	}
}

/** Data goes to stdout. Secrets are masked on the way out, whatever produced the text. */
export function out(io: CommandIo, text: string): void {
	io.stdout.write(redactSecrets(text));
}

/** Messages, warnings and prompts go to stderr. */
export function say(io: CommandIo, text: string): void {
	io.stderr.write(redactSecrets(text.endsWith('\n') ? text : `${text}\n`));
}
