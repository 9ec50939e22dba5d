import {describe, expect, it} from 'vitest';
import {cli} from '../helpers/cli.js';
import {configPath, configText, makeDirs, read, secretsPath, writeFile} from './config-dirs.js';

const commented = `# Managed by hand; keep the comments.
apiVersion: spyderbat/v1
kind: Config
contexts:
# production first
- name: prod
  secret: sec # the CI key
  context:
    organization: ProdOrg
    image_id: [sha256:1]
- name: dev
  secret: sec
  context: {organization: DevOrg}
current-context: prod # what the team uses
`;

// The yaml package writes one space before an inline comment, so the fixture does too.
describe('editing keeps comments, key order and layout', () => {
	it('use-context changes only the current-context value', async () => {
		const {home, project} = makeDirs();
		const file = writeFile(configPath(home), commented);
		const run = await cli(['config', 'use-context', 'dev'], {home, cwd: project});
		expect(run.code).toBe(0);
		expect(read(file)).toBe(commented.replace('current-context: prod #', 'current-context: dev #'));
	});

	it('set-context updates a context in place and writes camelCase', async () => {
		const {home, project} = makeDirs();
		const file = writeFile(configPath(home), commented);
		const run = await cli(['config', 'set-context', 'prod', '-s', 'sec2', '-o', 'ProdOrg', '-d', 'sha256:2', '-c', 'c1'], {
			home,
			cwd: project,
		});
		expect(run.code).toBe(0);
		expect(run.stderr).toContain(`Updated context 'prod' in configuration file '${file}'.`);
		expect(read(file)).toBe(
			commented.replace(
				'  secret: sec # the CI key\n  context:\n    organization: ProdOrg\n    image_id: [sha256:1]\n',
				'  secret: sec2 # the CI key\n  context:\n    organization: ProdOrg\n    cluster:\n    - c1\n    imageID:\n    - sha256:2\n',
			),
		);
	});

	it('turns an empty `contexts: []` into a block list, as spyctl writes it', async () => {
		const {home, project} = makeDirs();
		const file = writeFile(configPath(home), configText([]));
		await cli(['config', 'set-context', 'prod', '-s', 's', '-o', 'O', '-p', 'web-1'], {home, cwd: project});
		expect(read(file)).toBe(
			'apiVersion: spyderbat/v1\nkind: Config\ncontexts:\n- name: prod\n  secret: s\n  context:\n    organization: O\n    pod:\n    - web-1\ncurrent-context: prod\n',
		);
	});

	it('set-apisecret keeps the other secrets untouched', async () => {
		const {home, project} = makeDirs();
		const secrets = `# my keys
- apiVersion: spyderbat/v1
  kind: APISecret
  metadata: {name: old, creationTimestamp: 1690000000.12}
  stringData: {apikey: old-key-aaaa1111, apiurl: https://api.spyderbat.com}
`;
		const file = writeFile(secretsPath(home), secrets, 0o600);
		const run = await cli(['config', 'set-apisecret', 'new', '-k', 'new-key-bbbb2222'], {home, cwd: project});
		expect(run.code).toBe(0);
		expect(read(file).startsWith(secrets)).toBe(true);
		expect(read(file)).toMatch(/- apiVersion: spyderbat\/v1\n {2}kind: APISecret\n {2}metadata:\n {4}name: new\n {4}creationTimestamp: [\d.]+\n {2}stringData:\n {4}apikey: new-key-bbbb2222\n {4}apiurl: https:\/\/api.spyderbat.com\n$/);
	});
});
