import type {Command} from 'commander';
import {stringify} from 'yaml';
import {maskKey} from '../../config/redact.js';
import {apiVersion, configKind, noCurrentContext, secretKind} from '../../config/spyctl-format.js';
import {spyctlYamlStyle} from '../../config/yaml-output.js';
import {type CommandIo, out} from '../io.js';
import {loadConfigReporting} from './load-reporting.js';

export function registerView(config: Command, io: CommandIo): void {
	config
		.command('view')
		.description('Print the effective config (global and workspace files merged) and the apisecrets, with keys masked.')
		.action(async () => {
			const loaded = await loadConfigReporting(io);
			const merged = {
				apiVersion,
				kind: configKind,
				contexts: [...loaded.contexts.values()].map(context => ({
					name: context.name,
					secret: context.secret,
					context: {organization: context.organization, ...context.filters},
				})),
				'current-context': loaded.currentContext?.name ?? noCurrentContext,
			};
			const secrets = [...loaded.secrets.values()].map(secret => ({
				apiVersion,
				kind: secretKind,
				metadata: {name: secret.name, creationTimestamp: secret.creationTimestamp},
				stringData: {apikey: maskKey(secret.apiKey), apiurl: secret.apiUrl},
			}));
			out(io, `${stringify(merged, spyctlYamlStyle)}---\n${stringify(secrets, spyctlYamlStyle)}`);
		});
}
