import {describe, expect, it} from 'vitest';
import {redactSecrets} from '../../source/config/redact.js';
import {cli} from '../helpers/cli.js';
import {configPath, makeDirs, secretsPath, writeFile} from './config-dirs.js';

const key = 'eyJhbGciOiJIUzI1NiJ9.never-shown-secret-payload.Zk9q';
// A different key for the file-based test: redaction remembers every key for the whole process.
const fileKey = 'eyJhbGciOiJIUzI1NiJ9.only-in-the-file-payload.Qw3r';
const base64Key = Buffer.from(fileKey).toString('base64');

/** Every config command, in an order where each one has something to act on. */
const commands: Array<{argv: string[]; stdin?: string; stdinIsTty?: boolean}> = [
	{argv: ['config', 'set-apisecret', 'sec', '-k', key]},
	{argv: ['config', 'set-apisecret', 'piped', '-k', '-'], stdin: `${key}\n`},
	{argv: ['config', 'set-apisecret', 'sec', '-k', key, '-u', 'https://api.example.test']},
	{argv: ['config', 'set-apisecret', 'sec']},
	{argv: ['config', 'set-apisecret', 'brand-new']},
	{argv: ['config', 'get-apisecrets']},
	{argv: ['config', 'get-apisecrets', '-o', 'wide']},
	{argv: ['config', 'init-workspace']},
	{argv: ['config', 'set-context', 'prod', '-s', 'sec', '-o', 'MyOrg', '-c', 'c1']},
	{argv: ['config', 'set-context', 'dev', '-s', 'piped', '-o', 'DevOrg', '-u', '-g']},
	{argv: ['config', 'get-contexts', '-o', 'wide']},
	{argv: ['config', 'current-context']},
	{argv: ['config', 'use-context', 'prod']},
	{argv: ['config', 'use-context', 'missing']},
	{argv: ['config', 'view']},
	{argv: ['config', 'delete-context', 'dev']},
	{argv: ['config', 'delete-apisecret', 'piped'], stdinIsTty: true, stdin: 'y\n'},
	{argv: ['config', 'delete-apisecret', 'sec']},
	{argv: ['-y', 'config', 'delete-apisecret', 'sec']},
	{argv: ['config', 'delete-apisecret', 'sec']},
];

describe('the API key never appears in output', () => {
	it('is masked as ****+last 4 by every config command', async () => {
		const {home, project} = makeDirs();
		let all = '';
		for (const command of commands) {
			const run = await cli(command.argv, {home, cwd: project, stdin: command.stdin, stdinIsTty: command.stdinIsTty});
			all += run.stdout + run.stderr;
		}
		expect(all).toContain('****Zk9q');
		expect(all).not.toContain(key);
		expect(all).not.toContain('never-shown');
	});

	it('is masked when it comes base64-encoded in data, and in errors about the config', async () => {
		const {home, project} = makeDirs();
		writeFile(
			secretsPath(home),
			`- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: sec}\n  data: {apikey: ${base64Key}}\n  stringData: {apikey: ${fileKey}}\n`,
		);
		writeFile(configPath(home), `apiVersion: spyderbat/v1\nkind: Config\ncontexts: []\ncurrent-context: ${fileKey}\n`);
		let all = '';
		for (const argv of [['config', 'get-apisecrets', '-o', 'wide'], ['config', 'view'], ['config', 'current-context'], ['config', 'use-context', fileKey]]) {
			const run = await cli(argv, {home, cwd: project});
			all += run.stdout + run.stderr;
		}
		expect(all).toContain('****Qw3r');
		expect(all).not.toContain(fileKey);
		expect(all).not.toContain(base64Key);
	});

	it('registers keys typed on the command line, and the base64 form of keys in files', async () => {
		const {home, project} = makeDirs();
		const typed = 'typed-on-the-command-line-0001';
		await cli(['config', 'set-apisecret', 'typed', '-k', typed], {home, cwd: project});
		expect(redactSecrets(`a ${typed} b`)).toBe('a ****0001 b');

		const encoded = Buffer.from('kept-in-base64-only-0002').toString('base64');
		writeFile(secretsPath(home), `- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: enc}\n  data: {apikey: ${encoded}}\n`);
		await cli(['config', 'get-apisecrets'], {home, cwd: project});
		expect(redactSecrets(encoded)).toBe(`****${encoded.slice(-4)}`);
	});
});
