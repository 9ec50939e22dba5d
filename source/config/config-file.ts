import {Document} from 'yaml';
import {configTemplate} from './spyctl-format.js';
import {configFileSchema, type ContextEntry} from './schema.js';
import {readYamlFile, validateYamlFile, type YamlFile} from './yaml-file.js';

export type ConfigScope = 'global' | 'workspace';

/** One config file (global or workspace), validated, with its document kept for editing. */
export type ConfigFile = YamlFile & {
	scope: ConfigScope;
	contexts: ContextEntry[];
	currentContext: string;
};

const label = 'Config file';

/**
 * Reads one config file. A missing or empty file reads as spyctl's template,
 * so the first write creates a complete file.
 */
export async function readConfigFile(path: string, scope: ConfigScope): Promise<ConfigFile> {
	const file = await readYamlFile(path, label);
	if (file.document.contents === null) file.document = new Document(configTemplate());
	const data = validateYamlFile(file, configFileSchema, label, file.document.toJS());
	return {...file, scope, contexts: data.contexts, currentContext: data['current-context']};
}
