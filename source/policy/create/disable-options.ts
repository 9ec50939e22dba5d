import type {DisableFlags} from '../merge/network.js';

/** The values of `create policy -D`, as spyctl names them. */
export const disableConnectionsChoices = ['all', 'egress', 'ingress', 'private', 'private-egress', 'private-ingress', 'public', 'public-egress', 'public-ingress'] as const;
export type DisableConnectionsChoice = (typeof disableConnectionsChoices)[number];

/** The spec switch each `-D` value sets: `private-egress` → `disablePrivateConnections: egress`. */
export function disableFlagsFor(disableProcesses: 'all' | undefined, disableConnections: DisableConnectionsChoice | undefined): DisableFlags {
	const flags: DisableFlags = disableProcesses ? {disableProcesses} : {};
	if (!disableConnections) return flags;
	const [scope, direction = 'all'] = disableConnections.split('-') as [string, 'all' | 'egress' | 'ingress' | undefined];
	switch (scope) {
		case 'private': {
			return {...flags, disablePrivateConnections: direction};
		}
		case 'public': {
			return {...flags, disablePublicConnections: direction};
		}
		default: {
			return {...flags, disableConnections: disableConnections as 'all' | 'egress' | 'ingress'};
		}
	}
}
