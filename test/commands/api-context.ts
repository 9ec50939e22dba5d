import {configPath, configText, makeDirs, secretText, secretsPath, writeFile} from '../config/config-dirs.js';
import {samplePolicy, type TestServer} from '../helpers/server.js';

/**
 * A home whose current spyctl context points at `api`, and a project folder to
 * run in: the CLI then talks to that server exactly as it would to Spyderbat's.
 */
export function homeWithContext(api: {url: string; token: string; org: {uid: string}}): {home: string; cwd: string} {
	const {home, project} = makeDirs();
	writeFile(configPath(home), configText([{name: 'test', secret: 'test-secret', org: api.org.uid}], 'test'));
	writeFile(secretsPath(home), secretText('test-secret', api.token, api.url), 0o600);
	return {home, cwd: project};
}

/** A context whose API refuses connections: port 1 on loopback has no listener. */
export function homeWithServerDown(): {home: string; cwd: string} {
	return homeWithContext({url: 'http://127.0.0.1:1', token: 'spytui_a-key-nobody-listens-for', org: {uid: 'org:none'}});
}

/** Creates a sample container policy on the server and returns its uid. */
export async function createPolicy(server: TestServer, name: string, overrides: Record<string, unknown> = {}): Promise<string> {
	return server.client.createPolicy(samplePolicy(name, overrides));
}
