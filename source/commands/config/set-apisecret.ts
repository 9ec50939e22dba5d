import type {Command} from 'commander';
import {upsertSecret} from '../../config/edit-secrets.js';
import {registerSecret} from '../../config/redact.js';
import {saveSecretsFile} from '../../config/save.js';
import {defaultApiUrl} from '../../config/spyctl-format.js';
import {UsageError} from '../errors.js';
import {type CommandIo, say} from '../io.js';
import {loadConfigReporting} from './load-reporting.js';
import {readFirstLine} from './read-first-line.js';

export function registerSetApiSecret(config: Command, io: CommandIo): void {
	config
		.command('set-apisecret')
		.description(
			'Create or update an apisecret (API key and URL) in the global secrets file, readable by you only. Use -k - to read the key from stdin and keep it out of your shell history.',
		)
		.argument('<name>', 'apisecret name')
		.option('-k, --apikey <key>', 'API key from the Spyderbat console, or - to read it from stdin')
		.option('-u, --apiurl <url>', `API URL (default: ${defaultApiUrl})`)
		.action(async (name: string, options: {apikey?: string; apiurl?: string}) => {
			const apiKey = options.apikey === '-' ? await keyFromStdin(io) : options.apikey;
			registerSecret(apiKey);
			const loaded = await loadConfigReporting(io);
			const file = loaded.globalSecrets;
			const existing = file.secrets.find(secret => secret.name === name);
			if (!existing && apiKey === undefined) {
				throw new UsageError('Missing API key. Pass it with -k KEY, or pipe it in with -k - (e.g. `pbpaste | spytui config set-apisecret NAME -k -`).');
			}
			if (existing && apiKey === undefined && (options.apiurl === undefined || options.apiurl === existing.apiUrl)) {
				say(io, 'Nothing to update.');
				return;
			}
			const apiUrl = options.apiurl ?? (existing ? undefined : defaultApiUrl);
			upsertSecret(file.document, name, {apiKey, apiUrl}, Date.now() / 1000);
			await saveSecretsFile(file);
			say(io, `${existing ? 'Updated' : 'Set new'} apisecret '${name}' in ${file.path}`);
			const effective = loaded.secrets.get(name);
			if (effective && effective.source !== file.path) {
				say(io, `NOTICE: apisecret '${name}' is also defined in ${effective.source}, which takes precedence in this folder.`);
			}
		});
}

async function keyFromStdin(io: CommandIo): Promise<string> {
	const key = await readFirstLine(io.stdin);
	if (key === '') throw new UsageError('No API key was read from stdin.');
	return key;
}
