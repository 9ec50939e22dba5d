import {describe, expect, it} from 'vitest';
import {ConfigFileError} from '../../source/config/errors.js';
import {loadConfig} from '../../source/config/load-config.js';
import {cli} from '../helpers/cli.js';
import {configPath, configText, makeDirs, secretsPath, writeFile} from './config-dirs.js';

async function loadError(home: string, cwd: string): Promise<ConfigFileError> {
	const error: unknown = await loadConfig({home, cwd}).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(ConfigFileError);
	return error as ConfigFileError;
}

describe('invalid config and secrets files', () => {
	it('names the file, line and column of a YAML syntax error', async () => {
		const {home, project} = makeDirs();
		const file = writeFile(configPath(home), 'apiVersion: spyderbat/v1\nkind: Config\ncontexts: [\ncurrent-context: x\n');
		const error = await loadError(home, project);
		expect(error.message).toMatch(new RegExp(`^Config file ${file}:\\d+:\\d+ is not valid YAML: `));
		expect(error.message).not.toContain('\n');
	});

	it('names the field path and the position of its value', async () => {
		const {home, project} = makeDirs();
		const text = configText([{name: 'prod', secret: 's', org: 'O'}]).replace('organization: O', 'organization: [1, 2]');
		const file = writeFile(configPath(home), text);
		expect((await loadError(home, project)).message).toBe(
			`Config file ${file}:7:19 is invalid: contexts[0].context.organization: must be text`,
		);
	});

	it('rejects extra keys in Config, pointing at the key', async () => {
		const {project, home} = makeDirs();
		const file = writeFile(configPath(project), configText([]) + 'colour: blue\n');
		expect((await loadError(home, project)).message).toBe(`Config file ${file}:5:1 is invalid: colour: unknown field 'colour'`);
	});

	it('rejects unknown filters, which would otherwise widen a context silently', async () => {
		const {project, home} = makeDirs();
		const text = configText([{name: 'prod', secret: 's', org: 'O', extra: '    namepsace: [kube-system]\n'}]);
		const file = writeFile(configPath(home), text);
		expect((await loadError(home, project)).message).toBe(
			`Config file ${file}:8:5 is invalid: contexts[0].context.namepsace: unknown field 'namepsace' (did you mean 'namespace'?)`,
		);
	});

	it('reports a missing required field at its parent', async () => {
		const {project, home} = makeDirs();
		const file = writeFile(configPath(home), 'apiVersion: spyderbat/v1\nkind: Config\ncontexts:\n- name: prod\n  context: {organization: O}\ncurrent-context: prod\n');
		expect((await loadError(home, project)).message).toBe(`Config file ${file}:4:3 is invalid: contexts[0].secret: is required`);
	});

	it('reports a wrong kind and counts the other problems', async () => {
		const {project, home} = makeDirs();
		const file = writeFile(configPath(home), 'apiVersion: v2\nkind: Config\ncontexts: []\ncurrent-context: 3\n');
		expect((await loadError(home, project)).message).toBe(
			`Config file ${file}:1:13 is invalid: apiVersion: must be 'spyderbat/v1' (and 1 more problem)`,
		);
	});

	it('reports bad base64 in a secret', async () => {
		const {project, home} = makeDirs();
		const file = writeFile(
			secretsPath(home),
			'- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: s}\n  data:\n    apikey: "not base64!"\n',
		);
		expect((await loadError(home, project)).message).toBe(`Secrets file ${file}:5:13 is invalid: [0].data.apikey: is not valid base64`);
	});

	it('requires an apikey in each secret', async () => {
		const {project, home} = makeDirs();
		const file = writeFile(secretsPath(home), '- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: s}\n');
		expect((await loadError(home, project)).message).toBe(`Secrets file ${file}:1:3 is invalid: [0].stringData.apikey: is required`);
	});

	it('never quotes the source line of a broken secrets file, which may hold a key', async () => {
		const {project, home} = makeDirs();
		const key = 'eyJhbGciOiJIUzI1NiJ9.leaky-key-7777';
		writeFile(secretsPath(home), `- apiVersion: spyderbat/v1\n  stringData: {apikey: ${key}\n  kind: APISecret\n`);
		const run = await cli(['config', 'get-apisecrets'], {home, cwd: project});
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^Error: Secrets file .*secrets:\d+:\d+ is not valid YAML: [^\n]*\n$/);
		expect(run.stderr).not.toContain('leaky');
		expect(run.stderr).not.toContain('    at ');
	});

	it('prints one line and exit 1 from a command, without a stack trace', async () => {
		const {project, home} = makeDirs();
		const file = writeFile(configPath(home), 'kind: Config\n');
		const run = await cli(['config', 'get-contexts'], {home, cwd: project});
		expect(run).toEqual({code: 1, stdout: '', stderr: `Error: Config file ${file}:1:1 is invalid: apiVersion: is required and must be 'spyderbat/v1' (and 2 more problems)\n`});
	});
});
