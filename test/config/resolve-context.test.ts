import {describe, expect, it} from 'vitest';
import {hasConfiguredContext, resolveContext} from '../../source/config/resolve-context.js';
import {configPath, configText, makeDirs, secretText, secretsPath, writeFile} from './config-dirs.js';

function setUp(current: string, contexts: Parameters<typeof configText>[0] = [{name: 'prod', secret: 'sec', org: 'MyOrg'}]) {
	const {home, project} = makeDirs();
	writeFile(configPath(home), configText(contexts, current));
	return {home, cwd: project};
}

describe('resolveContext', () => {
	it('returns the current context with its credentials and filters', async () => {
		const io = setUp('prod', [{name: 'prod', secret: 'sec', org: 'MyOrg', extra: '    cluster: [c1]\n'}]);
		writeFile(secretsPath(io.home), secretText('sec', 'resolved-key-0001', 'https://api.example.test//'));
		expect(await resolveContext(io)).toEqual({
			name: 'prod',
			organization: 'MyOrg',
			filters: {cluster: ['c1']},
			secretName: 'sec',
			apiKey: 'resolved-key-0001',
			apiUrl: 'https://api.example.test',
			sources: {config: configPath(io.home), secret: secretsPath(io.home)},
			warnings: [],
		});
	});

	it('defaults the API URL when the secret has none', async () => {
		const io = setUp('prod');
		writeFile(secretsPath(io.home), '- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: sec}\n  stringData: {apikey: only-a-key-1234}\n');
		expect((await resolveContext(io)).apiUrl).toBe('https://api.spyderbat.com');
	});

	it('uses the --context override instead of the current context', async () => {
		const io = setUp('prod', [
			{name: 'prod', secret: 'sec', org: 'ProdOrg'},
			{name: 'dev', secret: 'sec', org: 'DevOrg'},
		]);
		writeFile(secretsPath(io.home), secretText('sec', 'override-key-0002'));
		expect((await resolveContext(io, 'dev')).organization).toBe('DevOrg');
		await expect(resolveContext(io, 'nope')).rejects.toThrow("Unable to locate context 'nope'.");
	});

	it("fails with spyctl's messages", async () => {
		const {home, project} = makeDirs();
		await expect(resolveContext({home, cwd: project})).rejects.toThrow(
			"No valid contexts. Try using 'spytui config set-context' to create one.",
		);
		await expect(resolveContext(setUp('__none__'))).rejects.toThrow(
			"Current context is not set. Try using 'spytui config use-context'",
		);
		await expect(resolveContext(setUp('prod'))).rejects.toThrow("Unable to locate secret 'sec'");
		await expect(resolveContext(setUp('gone'))).rejects.toThrow("Unable to locate current context 'gone'.");
	});

	it('says how to create a missing secret', async () => {
		await expect(resolveContext(setUp('prod'))).rejects.toThrow(
			"Unable to locate secret 'sec'. Create it with 'spytui config set-apisecret sec -k KEY'.",
		);
	});

	it('passes on warnings about the secrets it read', async () => {
		const io = setUp('prod');
		writeFile(
			secretsPath(io.home),
			`- apiVersion: spyderbat/v1\n  kind: APISecret\n  metadata: {name: sec}\n  data: {apikey: ${Buffer.from('data-key-0005').toString('base64')}}\n  stringData: {apikey: string-key-0005}\n`,
		);
		const resolved = await resolveContext(io);
		expect(resolved.apiKey).toBe('data-key-0005');
		expect(resolved.warnings).toHaveLength(1);
		expect(resolved.warnings[0]).toContain("apikey of apisecret 'sec'");
	});
});

describe('hasConfiguredContext', () => {
	it('is false when no context is selected', async () => {
		const {home, project} = makeDirs();
		expect(await hasConfiguredContext({home, cwd: project})).toBe(false);
		expect(await hasConfiguredContext(setUp('__none__'))).toBe(false);
	});

	it('is true when the current context resolves', async () => {
		const io = setUp('prod');
		writeFile(secretsPath(io.home), secretText('sec', 'configured-key-0004'));
		expect(await hasConfiguredContext(io)).toBe(true);
	});

	it('throws for a selected but broken context rather than silently going offline', async () => {
		await expect(hasConfiguredContext(setUp('prod'))).rejects.toThrow("Unable to locate secret 'sec'");
	});
});
