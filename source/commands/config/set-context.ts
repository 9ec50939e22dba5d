import {type Command, Option} from 'commander';
import type {ContextFilters} from '../../config/context-filters.js';
import {setCurrentContext, upsertContext} from '../../config/edit-config.js';
import {loadConfig} from '../../config/load-config.js';
import {saveConfigFile} from '../../config/save.js';
import {UsageError} from '../errors.js';
import {type CommandIo, say} from '../io.js';
import {collectList} from './list-option.js';
import {loadConfigReporting} from './load-reporting.js';

type SetContextOptions = {
	secret: string;
	organization?: string;
	org?: string;
	cluster?: string[];
	namespace?: string[];
	pod?: string[];
	machines?: string[];
	image?: string[];
	imageId?: string[];
	containerName?: string[];
	cgroup?: string[];
	global?: boolean;
	useContext?: boolean;
};

export function registerSetContext(config: Command, io: CommandIo): void {
	config
		.command('set-context')
		.description(
			'Create a context, or replace an existing one where it is defined. New contexts go to the nearest workspace config, else the global one. The organization is checked when the context is first used, not here.',
		)
		.argument('<name>', 'context name')
		.requiredOption('-s, --secret <name>', 'name of the apisecret holding the API key')
		.option('-o, --organization <org>', 'ID or name of the Spyderbat organization')
		.addOption(new Option('--org <org>', 'same as --organization').hideHelp())
		.option('-c, --cluster <values>', 'Kubernetes cluster names or IDs', collectList)
		.option('-n, --namespace <values>', 'Kubernetes namespaces', collectList)
		.option('-p, --pod <values>', 'Kubernetes pods', collectList)
		.option('-m, --machines <values>', 'machine groups, or machine names or IDs', collectList)
		.option('-i, --image <values>', 'container images, wildcards allowed', collectList)
		.option('-d, --image-id <values>', 'container image IDs', collectList)
		.option('-N, --container-name <values>', 'container names', collectList)
		.option('-C, --cgroup <values>', 'Linux service cgroups', collectList)
		.option('-g, --global', 'write to the global config even inside a workspace')
		.option('-u, --use-context', 'also make it the current context')
		.action(async (name: string, options: SetContextOptions) => {
			const organization = options.organization ?? options.org;
			if (!organization) throw new UsageError("required option '-o, --organization <org>' not specified");
			const loaded = await loadConfigReporting(io);
			const existing = loaded.contexts.get(name);
			const target = options.global
				? loaded.globalConfig
				: (loaded.configFiles.find(file => file.path === existing?.source) ?? loaded.nearestConfig);
			const nearest = loaded.nearestConfig;
			const firstInFile = target.contexts.length === 0;
			const outcome = upsertContext(target.document, {name, secret: options.secret, organization, filters: filtersFrom(options)});
			if (firstInFile) setCurrentContext(target.document, name);
			if (options.useContext) setCurrentContext(nearest.document, name);
			await saveConfigFile(target);
			if (options.useContext && nearest !== target) await saveConfigFile(nearest);

			say(io, `${outcome === 'updated' ? 'Updated' : 'Set new'} context '${name}' in configuration file '${target.path}'.`);
			if (firstInFile) say(io, `Updated current context to '${name}' in configuration file '${target.path}'.`);
			if (options.useContext && !(firstInFile && nearest === target)) {
				say(io, `Updated current context to '${name}' in configuration file '${nearest.path}'.`);
			}
			if (!loaded.secrets.has(options.secret)) {
				say(io, `Warning: apisecret '${options.secret}' does not exist yet. Create it with 'spytui config set-apisecret ${options.secret} -k KEY'.`);
			}
			if ((await loadConfig(io)).currentContext?.name !== name) {
				say(
					io,
					`NOTICE: The context you just set is not your current context. Use 'spytui config use-context ${name}' to set it as your current context.`,
				);
			}
		});
}

function filtersFrom(options: SetContextOptions): ContextFilters {
	const filters: ContextFilters = {
		cluster: options.cluster,
		namespace: options.namespace,
		pod: options.pod,
		machines: options.machines,
		cgroup: options.cgroup,
		image: options.image,
		imageID: options.imageId,
		containerName: options.containerName,
	};
	return Object.fromEntries(Object.entries(filters).filter(([, values]) => values !== undefined && values.length > 0));
}
