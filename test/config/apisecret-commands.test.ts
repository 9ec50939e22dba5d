import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {cli} from '../helpers/cli.js';
import {makeDirs, modeOf, read, secretText, secretsPath, writeFile} from './config-dirs.js';

describe('config set-apisecret', () => {
	it('creates the global secrets file and folder readable by the owner only', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', 'set-apisecret', 'sec', '-k', 'first-key-1234'], {home, cwd: project});
		const file = secretsPath(home);
		expect(run).toEqual({code: 0, stdout: '', stderr: `Set new apisecret 'sec' in ${file}\n`});
		expect(modeOf(file)).toBe(0o600);
		expect(modeOf(path.dirname(file))).toBe(0o700);
		expect(parse(read(file))).toEqual([
			{
				apiVersion: 'spyderbat/v1',
				kind: 'APISecret',
				metadata: {name: 'sec', creationTimestamp: expect.any(Number)},
				stringData: {apikey: 'first-key-1234', apiurl: 'https://api.spyderbat.com'},
			},
		]);
		expect(fs.readdirSync(path.dirname(file))).toEqual(['secrets']);
	});

	it('updates an existing secret, tightens a loose file mode, and replaces base64 data', async () => {
		const {home, project} = makeDirs();
		const encoded = Buffer.from('old-data-key-1234').toString('base64');
		const file = writeFile(
			secretsPath(home),
			`- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: sec}\n  data: {apikey: ${encoded}}\n  stringData: {apiurl: https://api.spyderbat.com}\n`,
			0o644,
		);
		const run = await cli(['config', 'set-apisecret', 'sec', '-k', 'new-key-5678', '-u', 'https://other.example'], {home, cwd: project});
		expect(run.stderr).toBe(`Updated apisecret 'sec' in ${file}\n`);
		expect(modeOf(file)).toBe(0o600);
		expect(parse(read(file))[0]).toEqual({
			apiVersion: 'spyderbat/v1',
			kind: 'APISecret',
			metadata: {name: 'sec'},
			stringData: {apiurl: 'https://other.example', apikey: 'new-key-5678'},
		});
	});

	it('grows an empty `[]` secrets file as a block list', async () => {
		const {home, project} = makeDirs();
		writeFile(secretsPath(home), '[]\n', 0o600);
		await cli(['config', 'set-apisecret', 'sec', '-k', 'block-key-1234'], {home, cwd: project});
		expect(read(secretsPath(home))).toMatch(/^- apiVersion: spyderbat\/v1\n {2}kind: APISecret\n/);
	});

	it('says when there is nothing to update', async () => {
		const {home, project} = makeDirs();
		const text = secretText('sec', 'same-key-1234');
		writeFile(secretsPath(home), text, 0o600);
		const run = await cli(['config', 'set-apisecret', 'sec', '-u', 'https://api.spyderbat.com'], {home, cwd: project});
		expect(run).toEqual({code: 0, stdout: '', stderr: 'Nothing to update.\n'});
		expect(read(secretsPath(home))).toBe(text);
	});

	it('reads the key from stdin with -k -', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', 'set-apisecret', 'sec', '-k', '-'], {home, cwd: project, stdin: '  piped-key-9999  \nignored\n'});
		expect(run.code).toBe(0);
		expect(parse(read(secretsPath(home)))[0].stringData.apikey).toBe('piped-key-9999');
		const empty = await cli(['config', 'set-apisecret', 'other', '-k', '-'], {home, cwd: project, stdin: ''});
		expect(empty).toEqual({code: 2, stdout: '', stderr: 'Error: No API key was read from stdin.\n'});
	});

	it('refuses a new secret without a key, pointing at -k and -k -', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', 'set-apisecret', 'sec'], {home, cwd: project, stdinIsTty: true});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('Pass it with -k KEY, or pipe it in with -k -');
		expect(fs.existsSync(secretsPath(home))).toBe(false);
	});

	it('writes the global file even inside a workspace, and says when a workspace secret shadows it', async () => {
		const {home, project} = makeDirs();
		writeFile(secretsPath(project), secretText('sec', 'workspace-key-1111'));
		const run = await cli(['config', 'set-apisecret', 'sec', '-k', 'global-key-2222'], {home, cwd: project});
		expect(run.stderr).toBe(
			`Set new apisecret 'sec' in ${secretsPath(home)}\nNOTICE: apisecret 'sec' is also defined in ${secretsPath(project)}, which takes precedence in this folder.\n`,
		);
		expect(read(secretsPath(project))).toBe(secretText('sec', 'workspace-key-1111'));
	});
});

describe('config get-apisecrets', () => {
	it('lists NAME and AGE, and with -o wide a masked KEY and the URL', async () => {
		const {home, project} = makeDirs();
		const twoDaysAgo = Date.now() / 1000 - 2.5 * 86_400;
		writeFile(
			secretsPath(home),
			`${secretText('zed', 'zed-key-abcd1234', 'https://z.example/')}- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: alpha, creationTimestamp: ${twoDaysAgo}}\n  stringData: {apikey: alpha-key-wxyz9876}\n`,
		);
		const plain = await cli(['config', 'get-apisecrets'], {home, cwd: project});
		expect(plain.stdout).toMatch(/^NAME {4}AGE\nalpha {3}2d\nzed {5}\d+d\n$/);
		const wide = await cli(['config', 'get-apisecrets', '-o', 'wide', 'alpha'], {home, cwd: project});
		expect(wide).toEqual({
			code: 0,
			stderr: '',
			stdout: 'NAME    AGE    KEY       URL\nalpha   2d     ****9876  https://api.spyderbat.com\n',
		});
	});

	it('shows unknown age when the file has no timestamp', async () => {
		const {home, project} = makeDirs();
		writeFile(secretsPath(home), '- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: s}\n  stringData: {apikey: no-time-key-1234}\n');
		expect((await cli(['config', 'get-apisecrets'], {home, cwd: project})).stdout).toBe('NAME    AGE\ns       unknown\n');
	});
});

describe('config delete-apisecret', () => {
	function setUp() {
		const {home, project} = makeDirs();
		writeFile(secretsPath(home), secretText('keep', 'keep-key-1111') + secretText('gone', 'gone-key-2222'), 0o600);
		return {home, cwd: project};
	}

	it('deletes after a yes on the terminal, asking again on a bad answer', async () => {
		const dirs = setUp();
		const run = await cli(['config', 'delete-apisecret', 'gone'], {...dirs, stdinIsTty: true, stdin: 'maybe\nyes\n'});
		const question = 'Are you sure you want to delete the secret "gone"? [y/N] ';
		expect(run).toEqual({
			code: 0,
			stdout: '',
			stderr: `${question}Please respond with 'yes' or 'no' (or 'y' or 'n').\n${question}Deleted secret 'gone' from ${secretsPath(dirs.home)}\n`,
		});
		expect(parse(read(secretsPath(dirs.home))).map((secret: {metadata: {name: string}}) => secret.metadata.name)).toEqual(['keep']);
		expect(modeOf(secretsPath(dirs.home))).toBe(0o600);
	});

	it('keeps the secret on an empty answer', async () => {
		const dirs = setUp();
		const before = read(secretsPath(dirs.home));
		const run = await cli(['config', 'delete-apisecret', 'gone'], {...dirs, stdinIsTty: true, stdin: '\n'});
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('Delete cancelled, exiting...');
		expect(read(secretsPath(dirs.home))).toBe(before);
	});

	it('refuses without a terminal unless -y is given', async () => {
		const dirs = setUp();
		const refused = await cli(['config', 'delete-apisecret', 'gone'], dirs);
		expect(refused).toEqual({code: 2, stdout: '', stderr: 'Error: Cannot ask for confirmation: stdin is not a terminal. Pass -y to confirm.\n'});
		const confirmed = await cli(['config', 'delete-apisecret', 'gone', '-y'], dirs);
		expect(confirmed.code).toBe(0);
		expect(read(secretsPath(dirs.home))).not.toContain('gone');
	});

	it('fails for an unknown secret', async () => {
		const dirs = setUp();
		const run = await cli(['-y', 'config', 'delete-apisecret', 'nope'], dirs);
		expect(run).toEqual({code: 1, stdout: '', stderr: `Error: Unable to delete secret 'nope' from ${secretsPath(dirs.home)}. Does not exist.\n`});
	});
});
