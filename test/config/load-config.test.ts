import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadConfig} from '../../source/config/load-config.js';
import {configPath, configText, makeDirs, secretText, secretsPath, writeFile} from './config-dirs.js';

describe('loadConfig', () => {
	it('reads missing files as the empty template', async () => {
		const {home, project} = makeDirs();
		const loaded = await loadConfig({home, cwd: project});
		expect(loaded.contexts.size).toBe(0);
		expect(loaded.secrets.size).toBe(0);
		expect(loaded.currentContext).toBeUndefined();
		expect(loaded.globalConfig.exists).toBe(false);
		expect(loaded.globalConfig.currentContext).toBe('__none__');
		expect(loaded.nearestConfig).toBe(loaded.globalConfig);
	});

	it('reads an empty secrets file (as spyctl creates it) as no secrets', async () => {
		const {home, project} = makeDirs();
		writeFile(secretsPath(home), '');
		const loaded = await loadConfig({home, cwd: project});
		expect(loaded.globalSecrets.exists).toBe(true);
		expect(loaded.secrets.size).toBe(0);
	});

	it('merges workspace configs over the global one, nearest first', async () => {
		const {home, project} = makeDirs();
		const nested = path.join(project, 'service', 'src');
		writeFile(
			configPath(home),
			configText(
				[
					{name: 'prod', secret: 's', org: 'GlobalOrg'},
					{name: 'shared', secret: 's', org: 'GlobalShared'},
				],
				'prod',
			),
		);
		writeFile(configPath(project), configText([{name: 'shared', secret: 's', org: 'ProjectShared'}], 'shared'));
		writeFile(configPath(path.join(project, 'service')), configText([{name: 'svc', secret: 's', org: 'SvcOrg'}]));

		const loaded = await loadConfig({home, cwd: nested});

		expect([...loaded.contexts.keys()]).toEqual(['prod', 'shared', 'svc']);
		expect(loaded.contexts.get('shared')).toMatchObject({organization: 'ProjectShared', source: configPath(project)});
		expect(loaded.contexts.get('prod')?.source).toBe(configPath(home));
		// The nearest file leaves current-context unset, so the next one out decides.
		expect(loaded.currentContext).toEqual({name: 'shared', source: configPath(project)});
		expect(loaded.nearestConfig.path).toBe(configPath(path.join(project, 'service')));
		expect(loaded.configFiles.map(file => file.path)).toEqual([
			configPath(path.join(project, 'service')),
			configPath(project),
			configPath(home),
		]);
	});

	it('does not read the global config twice when cwd is inside home', async () => {
		const {home} = makeDirs();
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O'}], 'prod'));
		const loaded = await loadConfig({home, cwd: path.join(home, 'work')});
		expect(loaded.configFiles).toHaveLength(1);
		expect(loaded.nearestConfig.scope).toBe('global');
	});

	it('accepts both spellings of imageID and containerName and single-string filters', async () => {
		const {home, project} = makeDirs();
		const extra = '    image_id: sha256:abc\n    container_name: [web, api]\n    containerID: c-1\n    cluster: prod-cluster\n';
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O', extra}], 'prod'));
		const loaded = await loadConfig({home, cwd: project});
		expect(loaded.contexts.get('prod')?.filters).toEqual({
			imageID: ['sha256:abc'],
			containerName: ['web', 'api'],
			containerID: ['c-1'],
			cluster: ['prod-cluster'],
		});
	});

	it('prefers the camelCase spelling when a context has both', async () => {
		const {home, project} = makeDirs();
		const extra = '    image_id: old\n    imageID: new\n';
		writeFile(configPath(home), configText([{name: 'prod', secret: 's', org: 'O', extra}]));
		const loaded = await loadConfig({home, cwd: project});
		expect(loaded.contexts.get('prod')?.filters).toEqual({imageID: ['new']});
	});

	it('merges secrets so the nearest file wins', async () => {
		const {home, project} = makeDirs();
		writeFile(secretsPath(home), secretText('a', 'global-key-aaaa') + secretText('b', 'global-key-bbbb'));
		writeFile(secretsPath(project), secretText('b', 'project-key-bbbb', 'https://example.test/'));
		const loaded = await loadConfig({home, cwd: project});
		expect(loaded.secrets.get('a')).toMatchObject({apiKey: 'global-key-aaaa', source: secretsPath(home)});
		expect(loaded.secrets.get('b')).toMatchObject({
			apiKey: 'project-key-bbbb',
			apiUrl: 'https://example.test',
			source: secretsPath(project),
		});
	});

	it('decodes base64 data, and data wins over stringData with a warning', async () => {
		const {home, project} = makeDirs();
		const b64 = (text: string) => Buffer.from(text).toString('base64');
		writeFile(
			secretsPath(home),
			[
				'- apiVersion: spyderbat/v1',
				'  kind: APISecret',
				'  metadata: {name: encoded}',
				`  data: {apikey: ${b64('decoded-key-1234')}, apiurl: ${b64('https://data.example/')}}`,
				'- apiVersion: spyderbat/v1',
				'  kind: APISecret',
				'  metadata: {name: both}',
				`  data: {apikey: ${b64('from-data-5678')}}`,
				'  stringData: {apikey: from-string-data, apiurl: https://string.example}',
				'',
			].join('\n'),
		);
		const loaded = await loadConfig({home, cwd: project});
		expect(loaded.secrets.get('encoded')).toMatchObject({apiKey: 'decoded-key-1234', apiUrl: 'https://data.example'});
		expect(loaded.secrets.get('both')).toMatchObject({apiKey: 'from-data-5678', apiUrl: 'https://string.example'});
		expect(loaded.warnings).toEqual([
			`Warning: apikey of apisecret 'both' in ${secretsPath(home)} is in both data and stringData. Using the value in data.`,
		]);
	});
});
