import {PassThrough, Readable} from 'node:stream';
import type {CommandIo} from '../../source/commands/io.js';
import {runCli} from '../../source/commands/program.js';
import {tempDir} from './temp.js';

export {tempDir} from './temp.js';

export type CliRun = {code: number; stdout: string; stderr: string};

export type CliOptions = {
	stdin?: string;
	stdinIsTty?: boolean;
	stdoutIsTty?: boolean;
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	home?: string;
	stdoutFile?: {dev: number; ino: number};
};

function collect(stream: PassThrough): () => string {
	const chunks: Buffer[] = [];
	stream.on('data', (chunk: Buffer) => chunks.push(chunk));
	return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs spytui in-process with captured streams. The TUI hook fails loudly: command tests must not open it. */
export async function cli(argv: string[], options: CliOptions = {}): Promise<CliRun> {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const readOut = collect(stdout);
	const readErr = collect(stderr);
	const io: CommandIo = {
		stdout,
		stderr,
		stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
		stdinIsTty: options.stdinIsTty ?? false,
		stdoutIsTty: options.stdoutIsTty ?? false,
		env: options.env ?? {},
		cwd: options.cwd ?? process.cwd(),
		home: options.home ?? tempDir(),
		stdoutFile: options.stdoutFile,
	};
	const code = await runCli(argv, io, {
		startTui: async () => {
			throw new Error('the TUI was started by a command test');
		},
	});
	return {code, stdout: readOut(), stderr: readErr()};
}
