import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import type {CommandIo} from '../../source/commands/io.js';
import {runCli, type TuiOptions} from '../../source/commands/program.js';
import {enterAlternateScreen} from '../../source/tui/alternate-screen.js';
import {startTui} from '../../source/tui/start.js';

function io(tty: {stdin: boolean; stdout: boolean}) {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const written = {stdout: '', stderr: ''};
	stdout.on('data', (chunk: Buffer) => (written.stdout += chunk.toString()));
	stderr.on('data', (chunk: Buffer) => (written.stderr += chunk.toString()));
	const value: CommandIo = {stdout, stderr, stdin: Readable.from([]), stdinIsTty: tty.stdin, stdoutIsTty: tty.stdout, env: {}, cwd: process.cwd(), home: process.cwd()};
	return {io: value, written};
}

describe('startTui', () => {
	test('without a terminal on stdin it explains and fails, writing nothing to stdout', async () => {
		const {io: piped, written} = io({stdin: false, stdout: true});
		expect(await startTui({dir: 'examples', color: true}, piped)).toBe(1);
		expect(written.stderr).toMatch(/^Error: spytui's full-screen app needs an interactive terminal, and standard input is not one\./);
		expect(written.stderr).toContain('spytui validate -f FILE');
		expect(written.stdout).toBe('');
	});

	test('output redirected to a file is refused the same way', async () => {
		const {io: redirected, written} = io({stdin: true, stdout: false});
		expect(await startTui({color: true}, redirected)).toBe(1);
		expect(written.stderr).toContain('and standard output is not one');
	});
});

describe('the app\'s options', () => {
	async function optionsOf(argv: string[]): Promise<{code: number; options?: TuiOptions; stderr: string}> {
		const {io: value, written} = io({stdin: true, stdout: true});
		let options: TuiOptions | undefined;
		const code = await runCli(argv, value, {
			startTui: async given => {
				options = given;
				return 0;
			},
		});
		return {code, stderr: written.stderr, ...(options ? {options} : {})};
	}

	test('--read-only, --refresh, --context and --local reach the app', async () => {
		expect((await optionsOf(['--read-only', '--refresh', '2.5', '--context', 'prod'])).options).toMatchObject({readOnly: true, refreshSeconds: 2.5, context: 'prod', color: true});
		expect((await optionsOf(['--local', '--no-color'])).options).toMatchObject({local: true, color: false});
		expect((await optionsOf([])).options).toEqual({color: true, observer: true});
	});

	test('a refresh under a second is a usage error', async () => {
		const result = await optionsOf(['--refresh', '0']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("option '--refresh <seconds>' argument '0' is invalid. give a number of seconds, 1 or more.");
		expect(result.options).toBeUndefined();
	});
});

describe('enterAlternateScreen', () => {
	test('switches to the alternate screen and back exactly once', () => {
		const chunks: string[] = [];
		const stdout = new PassThrough();
		stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
		const leave = enterAlternateScreen(stdout);
		leave();
		leave();
		expect(chunks).toEqual(['\u001B[?1049h', '\u001B[?1049l']);
	});
});
