import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseAllDocuments} from 'yaml';
import {cli} from '../helpers/cli.js';
import {configPath, configText, makeDirs, read, secretText, secretsPath, writeFile} from './config-dirs.js';

describe('config view', () => {
	it('prints the merged config and the secrets with masked keys', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O', extra: '    container_name: web\n'}], 'prod'));
		writeFile(configPath(project), configText([{name: 'local', secret: 's', org: 'L'}], 'local'));
		writeFile(secretsPath(home), secretText('s', 'viewed-key-4321'));
		const run = await cli(['config', 'view'], {home, cwd: project});
		expect(run.code).toBe(0);
		const [config, secrets] = parseAllDocuments(run.stdout).map(document => document.toJS());
		expect(config).toEqual({
			apiVersion: 'spyderbat/v1',
			kind: 'Config',
			contexts: [
				{name: 'prod', secret: 's', context: {organization: 'O', containerName: ['web']}},
				{name: 'local', secret: 's', context: {organization: 'L'}},
			],
			'current-context': 'local',
		});
		expect(secrets).toEqual([
			{
				apiVersion: 'spyderbat/v1',
				kind: 'APISecret',
				metadata: {name: 's', creationTimestamp: 1690000000.12},
				stringData: {apikey: '****4321', apiurl: 'https://api.spyderbat.com'},
			},
		]);
	});
});

describe('config init-workspace', () => {
	it('creates ./.spyctl/config from the template', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', 'init-workspace'], {home, cwd: project});
		expect(run).toEqual({code: 0, stdout: '', stderr: `Created configuration file at ${configPath(project)}.\n`});
		expect(read(configPath(project))).toBe('apiVersion: spyderbat/v1\nkind: Config\ncontexts: []\ncurrent-context: __none__\n');
		expect(fs.existsSync(configPath(home))).toBe(false);
	});

	it('asks before resetting an existing workspace config', async () => {
		const {home, project} = makeDirs();
		const text = configText([{name: 'local', secret: 's', org: 'L'}], 'local');
		writeFile(configPath(project), text);
		const kept = await cli(['config', 'init-workspace'], {home, cwd: project, stdinIsTty: true, stdin: 'n\n'});
		expect(kept.stderr).toBe(
			`A spytui configuration file already exists at '${configPath(project)}'. Are you sure you want to reset it? [y/N] Kept the existing configuration file at ${configPath(project)}.\n`,
		);
		expect(read(configPath(project))).toBe(text);
		const reset = await cli(['--yes', 'config', 'init-workspace'], {home, cwd: project});
		expect(reset.stderr).toBe(`Reset configuration file at ${configPath(project)}.\n`);
		expect(read(configPath(project))).toContain('contexts: []');
	});

	it('makes later set-context calls in that folder go to the workspace', async () => {
		const {home, project} = makeDirs();
		await cli(['config', 'init-workspace'], {home, cwd: project});
		await cli(['config', 'set-context', 'local', '-s', 's', '-o', 'L'], {home, cwd: path.join(project, 'deeper')});
		expect(read(configPath(project))).toContain('name: local');
		expect(fs.existsSync(configPath(home))).toBe(false);
	});
});

describe('config help', () => {
	it('describes every subcommand', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', '--help'], {home, cwd: project});
		expect(run.code).toBe(0);
		for (const name of [
			'get-contexts',
			'current-context',
			'use-context',
			'set-context',
			'delete-context',
			'get-apisecrets',
			'set-apisecret',
			'delete-apisecret',
			'view',
			'init-workspace',
		]) {
			expect(run.stdout).toMatch(new RegExp(`^ {2}${name}\\b.* {2}[A-Z]`, 'm'));
		}
	});

	it('treats a missing subcommand argument as a usage error', async () => {
		const {home, project} = makeDirs();
		expect((await cli(['config', 'use-context'], {home, cwd: project})).code).toBe(2);
	});
});
