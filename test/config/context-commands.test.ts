import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {cli} from '../helpers/cli.js';
import {configPath, configText, makeDirs, read, secretText, secretsPath, writeFile} from './config-dirs.js';

describe('config get-contexts', () => {
	it('prints a plain table sorted by name with the current context starred', async () => {
		const {home, project} = makeDirs();
		const extra = '    cluster: [c1]\n    namespace: default\n';
		writeFile(
			configPath(home),
			configText(
				[
					{name: 'zeta', secret: 's', org: 'ZOrg'},
					{name: 'alpha', secret: 's', org: 'AlphaOrganization', extra},
				],
				'zeta',
			),
		);
		const run = await cli(['config', 'get-contexts'], {home, cwd: project});
		expect(run).toEqual({
			code: 0,
			stderr: '',
			stdout: ['CURRENT    NAME    ORGANIZATION         FILTERS', '           alpha   AlphaOrganization          2', '*          zeta    ZOrg                       0', ''].join(
				'\n',
			),
		});
	});

	it('adds LOCATION with -o wide, and filters by name', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		writeFile(configPath(project), configText([{name: 'local', secret: 's', org: 'L'}]));
		const run = await cli(['config', 'get-contexts', '-o', 'wide', 'local'], {home, cwd: project});
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^CURRENT +NAME +ORGANIZATION +LOCATION +FILTERS$/);
		expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^ +local +L +${configPath(project)} +0$`))]);
	});

	it('rejects an unknown output format as a usage error', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', 'get-contexts', '-o', 'json'], {home, cwd: project});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('Allowed choices are default, wide');
	});
});

describe('config current-context', () => {
	it('prints the effective current context, or the global one with -g', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		writeFile(configPath(project), configText([{name: 'local', secret: 's', org: 'L'}], 'local'));
		expect(await cli(['config', 'current-context'], {home, cwd: project})).toEqual({code: 0, stdout: 'local\n', stderr: ''});
		expect((await cli(['config', 'current-context', '-g'], {home, cwd: project})).stdout).toBe('prod\n');
	});

	it('fails when none is set', async () => {
		const {home, project} = makeDirs();
		expect(await cli(['config', 'current-context'], {home, cwd: project})).toEqual({
			code: 1,
			stdout: '',
			stderr: "Error: No current context. Use 'spytui config set-context' to create and set one.\n",
		});
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}]));
		expect((await cli(['config', 'current-context'], {home, cwd: project})).stderr).toBe(
			"Error: No current context. Use 'spytui config use-context' to set one.\n",
		);
	});
});

describe('config use-context', () => {
	it('writes the nearest workspace config, or the global one with -g', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}, {name: 'dev', secret: 's', org: 'D'}], 'prod'));
		writeFile(configPath(project), configText([]));
		const run = await cli(['config', 'use-context', 'dev'], {home, cwd: project});
		expect(run).toEqual({code: 0, stdout: '', stderr: `Set current context to 'dev' in configuration file '${configPath(project)}'.\n`});
		expect(parse(read(configPath(project)))['current-context']).toBe('dev');
		expect(parse(read(configPath(home)))['current-context']).toBe('prod');

		expect((await cli(['config', 'use-context', '-g', 'dev'], {home, cwd: project})).code).toBe(0);
		expect(parse(read(configPath(home)))['current-context']).toBe('dev');
	});

	it('fails for an unknown context and leaves the file alone', async () => {
		const {home, project} = makeDirs();
		const text = configText([{name: 'prod', secret: 's', org: 'O'}], 'prod');
		writeFile(configPath(home), text);
		const run = await cli(['config', 'use-context', 'nope'], {home, cwd: project});
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(
			`Error: Unable to set current context 'nope' for ${configPath(home)}. Context does not exist in target config.\n`,
		);
		expect(read(configPath(home))).toBe(text);
	});
});

describe('config set-context', () => {
	it('creates the global config; the first context becomes current', async () => {
		const {home, project} = makeDirs();
		writeFile(secretsPath(home), secretText('sec', 'a-valid-key-1234'));
		const run = await cli(['config', 'set-context', 'prod', '-s', 'sec', '-o', 'MyOrg', '-c', 'c1, c2', '-n', 'a b', '-N', 'web', '-C', 'systemd:/x'], {
			home,
			cwd: project,
		});
		const file = configPath(home);
		expect(run).toEqual({
			code: 0,
			stdout: '',
			stderr: `Set new context 'prod' in configuration file '${file}'.\nUpdated current context to 'prod' in configuration file '${file}'.\n`,
		});
		expect(parse(read(file))).toEqual({
			apiVersion: 'spyderbat/v1',
			kind: 'Config',
			contexts: [
				{
					name: 'prod',
					secret: 'sec',
					context: {organization: 'MyOrg', cluster: ['c1', 'c2'], namespace: ['a', 'b'], cgroup: ['systemd:/x'], containerName: ['web']},
				},
			],
			'current-context': 'prod',
		});
	});

	it('adds later contexts without making them current, with a NOTICE and a missing-secret warning', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		const run = await cli(['config', 'set-context', 'dev', '--secret', 'nosuch', '--org', 'DevOrg'], {home, cwd: project});
		expect(run.code).toBe(0);
		expect(run.stderr).toBe(
			[
				`Set new context 'dev' in configuration file '${configPath(home)}'.`,
				"Warning: apisecret 'nosuch' does not exist yet. Create it with 'spytui config set-apisecret nosuch -k KEY'.",
				"NOTICE: The context you just set is not your current context. Use 'spytui config use-context dev' to set it as your current context.",
				'',
			].join('\n'),
		);
	});

	it('-u makes it current in the nearest config even when -g writes the global one', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		writeFile(configPath(project), configText([{name: 'local', secret: 's', org: 'L'}], 'local'));
		writeFile(secretsPath(home), secretText('s', 'a-valid-key-1234'));
		const run = await cli(['config', 'set-context', 'dev', '-s', 's', '-o', 'D', '-g', '-u'], {home, cwd: project});
		expect(run.stderr).toBe(
			`Set new context 'dev' in configuration file '${configPath(home)}'.\nUpdated current context to 'dev' in configuration file '${configPath(project)}'.\n`,
		);
		expect(parse(read(configPath(home))).contexts.map((context: {name: string}) => context.name)).toEqual(['prod', 'dev']);
		expect((await cli(['config', 'current-context'], {home, cwd: project})).stdout).toBe('dev\n');
	});

	it('goes to the workspace config when there is one, and updates contexts where they live', async () => {
		const {home, project} = makeDirs();
		const cwd = path.join(project, 'sub');
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		writeFile(configPath(project), configText([]));
		await cli(['config', 'set-context', 'local', '-s', 's', '-o', 'L'], {home, cwd});
		await cli(['config', 'set-context', 'prod', '-s', 's', '-o', 'NewOrg'], {home, cwd});
		expect(parse(read(configPath(project))).contexts).toEqual([{name: 'local', secret: 's', context: {organization: 'L'}}]);
		expect(parse(read(configPath(home))).contexts).toEqual([{name: 'prod', secret: 's', context: {organization: 'NewOrg'}}]);
	});

	it('requires --secret and --organization', async () => {
		const {home, project} = makeDirs();
		expect((await cli(['config', 'set-context', 'x', '-o', 'O'], {home, cwd: project})).code).toBe(2);
		const run = await cli(['config', 'set-context', 'x', '-s', 's'], {home, cwd: project});
		expect(run).toEqual({code: 2, stdout: '', stderr: "Error: required option '-o, --organization <org>' not specified\n"});
	});
});

describe('config delete-context', () => {
	it('deletes from the file that defines it and falls back to another current context', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}, {name: 'dev', secret: 's', org: 'D'}], 'prod'));
		const run = await cli(['config', 'delete-context', 'prod'], {home, cwd: project});
		expect(run).toEqual({
			code: 0,
			stdout: '',
			stderr: `Deleted context 'prod' in configuration file '${configPath(home)}'.\nCurrent context at ${configPath(home)} deleted. Updating to fallback context 'dev'.\n`,
		});
		expect(parse(read(configPath(home)))).toMatchObject({contexts: [{name: 'dev'}], 'current-context': 'dev'});
	});

	it('unsets current-context when the last context goes', async () => {
		const {home, project} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		const run = await cli(['config', 'delete-context', 'prod'], {home, cwd: project});
		expect(run.stderr).toContain("Configuration has no contexts. Use 'spytui config set-context' to add one.");
		expect(parse(read(configPath(home)))).toEqual({apiVersion: 'spyderbat/v1', kind: 'Config', contexts: [], 'current-context': '__none__'});
	});

	it('fails for an unknown context', async () => {
		const {home, project} = makeDirs();
		const run = await cli(['config', 'delete-context', 'nope'], {home, cwd: project});
		expect(run).toEqual({
			code: 1,
			stdout: '',
			stderr: `Error: Unable to delete context 'nope' from ${configPath(home)}. Context does not exist in target config.\n`,
		});
	});
});
