import {CommandError} from '../commands/errors.js';
import type {ContextFilters} from './context-filters.js';
import {NoContextError} from './errors.js';
import {type ConfigIo, type LoadedConfig, loadConfig} from './load-config.js';

/** Everything needed to talk to the API on behalf of one context. */
export type ResolvedContext = {
	name: string;
	/** Organization name or uid, as written in the context; the API client resolves it. */
	organization: string;
	filters: ContextFilters;
	secretName: string;
	apiKey: string;
	apiUrl: string;
	sources: {config: string; secret: string};
	/** Problems worth telling the user about that did not stop resolution. */
	warnings: string[];
};

/** The context named by `--context`, else the current one. Fails with spyctl's messages. */
export async function resolveContext(io: ConfigIo, contextName?: string): Promise<ResolvedContext> {
	return resolveFrom(await loadConfig(io), contextName);
}

export function resolveFrom(config: LoadedConfig, contextName?: string): ResolvedContext {
	const name = contextName ?? selectedContextName(config);
	const context = config.contexts.get(name);
	if (!context) {
		throw contextName === undefined
			? new CommandError(`Unable to locate current context '${name}'. Try using 'spytui config use-context'.`)
			: new CommandError(`Unable to locate context '${name}'. Try 'spytui config get-contexts' to list them.`);
	}
	const secret = config.secrets.get(context.secret);
	if (!secret) {
		throw new CommandError(
			`Unable to locate secret '${context.secret}'. Create it with 'spytui config set-apisecret ${context.secret} -k KEY'.`,
		);
	}
	return {
		name,
		organization: context.organization,
		filters: context.filters,
		secretName: context.secret,
		apiKey: secret.apiKey,
		apiUrl: secret.apiUrl,
		sources: {config: context.source, secret: secret.source},
		warnings: config.warnings,
	};
}

/**
 * Whether commands should talk to a real API. False only when no context is
 * selected at all; a selected context that is broken (missing secret, bad
 * file) still throws, so a user with a real setup never silently gets the
 * embedded backend.
 */
export async function hasConfiguredContext(io: ConfigIo, contextName?: string): Promise<boolean> {
	try {
		await resolveContext(io, contextName);
		return true;
	} catch (error) {
		if (error instanceof NoContextError) return false;
		throw error;
	}
}

function selectedContextName(config: LoadedConfig): string {
	if (config.contexts.size === 0) {
		throw new NoContextError("No valid contexts. Try using 'spytui config set-context' to create one.");
	}
	if (!config.currentContext) {
		throw new NoContextError("Current context is not set. Try using 'spytui config use-context'");
	}
	return config.currentContext.name;
}
