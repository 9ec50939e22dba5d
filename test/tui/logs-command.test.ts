import {PassThrough, Readable} from 'node:stream';
import {describe, expect, test} from 'vitest';
import {runCli, type TuiOptions} from '../../source/commands/program.js';
import {tuiInvocation} from '../../source/commands/tui-invocation.js';

/** Runs a command line and catches the options the app would be opened with. */
async function opened(argv: string[]): Promise<{code: number; options?: TuiOptions; stderr: string}> {
	const stderr = new PassThrough();
	let written = '';
	stderr.on('data', (chunk: Buffer) => (written += chunk.toString()));
	let options: TuiOptions | undefined;
	const io = {stdout: new PassThrough(), stderr, stdin: Readable.from([]), stdinIsTty: true, stdoutIsTty: true, env: {}, cwd: process.cwd(), home: process.cwd()};
	const code = await runCli(argv, io, {
		startTui: async given => {
			options = given;
			return 0;
		},
	});
	return {code, stderr: written, ...(options ? {options} : {})};
}

describe('spytui tail', () => {
	test('opens the app on the logs of the policy named, or of every policy', async () => {
		expect((await opened(['tail', 'webserver_policy'])).options).toMatchObject({tail: {policy: 'webserver_policy'}, color: true});
		expect((await opened(['tail'])).options).toMatchObject({tail: {}});
		expect((await opened(['--read-only', 'tail', 'web'])).options).toMatchObject({tail: {policy: 'web'}, readOnly: true});
	});

	test('--log-buffer sizes the panel, for tail and for the app itself', async () => {
		expect((await opened(['--log-buffer', '500', 'tail'])).options).toMatchObject({tail: {}, logBuffer: 500});
		expect(tuiInvocation(['--log-buffer', '20000'])).toMatchObject({logBuffer: 20_000});
		const refused = await opened(['--log-buffer', '0', 'tail']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("option '--log-buffer <events>' argument '0' is invalid. give a whole number of events, 1 or more.");
	});

	test('a folder has no logs: --dir is a usage error', async () => {
		const refused = await opened(['--dir', 'examples', 'tail']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('spytui tail reads the logs from the API; --dir browses files offline, which have none');
		expect(refused.options).toBeUndefined();
	});
});
