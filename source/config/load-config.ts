import type {CommandIo} from '../commands/io.js';
import {type ConfigFile, readConfigFile} from './config-file.js';
import {globalLocation, workspaceCandidates} from './paths.js';
import type {ContextEntry} from './schema.js';
import {type ApiSecret, readSecretsFile, type SecretsFile} from './secrets-file.js';
import {noCurrentContext} from './spyctl-format.js';

export type LocatedContext = ContextEntry & {/** The config file that defines it. */ source: string};
export type LocatedSecret = ApiSecret & {/** The secrets file that defines it. */ source: string};

/** Global and workspace files merged; the nearest file wins. */
export type LoadedConfig = {
	/** Existing workspace config files, nearest first, then the global one (which may not exist yet). */
	configFiles: ConfigFile[];
	/** Existing workspace secrets files, nearest first, then the global one. */
	secretsFiles: SecretsFile[];
	globalConfig: ConfigFile;
	globalSecrets: SecretsFile;
	/** The file `use-context` and new contexts go to: the nearest workspace config, else the global one. */
	nearestConfig: ConfigFile;
	/** In spyctl's order: global contexts first, a nearer file's new names appended, overridden names kept in place. */
	contexts: Map<string, LocatedContext>;
	/** The current-context of the nearest file that sets one. */
	currentContext: {name: string; source: string} | undefined;
	secrets: Map<string, LocatedSecret>;
	warnings: string[];
};

export type ConfigIo = Pick<CommandIo, 'cwd' | 'home'>;

export async function loadConfig(io: ConfigIo): Promise<LoadedConfig> {
	const global = globalLocation(io.home);
	const candidates = workspaceCandidates(io.cwd, io.home);
	const [globalConfig, globalSecrets, workspaceConfigs, workspaceSecrets] = await Promise.all([
		readConfigFile(global.config, 'global'),
		readSecretsFile(global.secrets),
		Promise.all(candidates.map(async location => readConfigFile(location.config, 'workspace'))),
		Promise.all(candidates.map(async location => readSecretsFile(location.secrets))),
	]);
	const configFiles = [...workspaceConfigs.filter(file => file.exists), globalConfig];
	const secretsFiles = [...workspaceSecrets.filter(file => file.exists), globalSecrets];
	return {
		configFiles,
		secretsFiles,
		globalConfig,
		globalSecrets,
		nearestConfig: configFiles[0] ?? globalConfig,
		contexts: mergeNearestLast(configFiles, file => file.contexts),
		currentContext: nearestCurrentContext(configFiles),
		secrets: mergeNearestLast(secretsFiles, file => file.secrets),
		warnings: secretsFiles.flatMap(file => file.warnings),
	};
}

function mergeNearestLast<File extends {path: string}, Item extends {name: string}>(
	nearestFirst: File[],
	items: (file: File) => Item[],
): Map<string, Item & {source: string}> {
	const merged = new Map<string, Item & {source: string}>();
	for (const file of nearestFirst.toReversed()) {
		for (const item of items(file)) merged.set(item.name, {...item, source: file.path});
	}
	return merged;
}

function nearestCurrentContext(nearestFirst: ConfigFile[]): LoadedConfig['currentContext'] {
	const file = nearestFirst.find(candidate => isSet(candidate.currentContext));
	return file ? {name: file.currentContext, source: file.path} : undefined;
}

export function isSet(currentContext: string): boolean {
	return currentContext !== '' && currentContext !== noCurrentContext;
}
