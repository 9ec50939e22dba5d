import {type LoadedConfig, loadConfig} from '../../config/load-config.js';
import {type CommandIo, say} from '../io.js';

/** Loads the merged config and tells the user about anything odd in it. */
export async function loadConfigReporting(io: CommandIo): Promise<LoadedConfig> {
	const loaded = await loadConfig(io);
	for (const warning of loaded.warnings) say(io, warning);
	return loaded;
}
