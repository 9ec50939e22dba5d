import type {DisableFlags} from './network.js';

const disableKeys = ['disableProcesses', 'disableConnections', 'disablePrivateConnections', 'disablePublicConnections'] as const;

/** The disable switches a workload spec sets. */
export function disableFlagsOf(spec: Record<string, unknown>): DisableFlags {
	const flags: Record<string, unknown> = {};
	for (const key of disableKeys) if (spec[key] !== undefined) flags[key] = spec[key];
	return flags as DisableFlags;
}
