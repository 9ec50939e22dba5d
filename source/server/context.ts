import {ApiError} from './errors.js';
import type {Org} from './store/orgs.js';
import type {Actor} from './store/policies.js';

/** What every route needs to know about the server it runs in. */
export type ServerContext = {
	org: Org;
	/** The org uid from the path, once checked to be this server's; another org is a 404, as on the real API. */
	checkOrg: (params: unknown) => string;
	/** Who is writing, and when (epoch seconds). */
	actor: () => Actor;
};

export function serverContext(org: Org, user: string, clock: () => number): ServerContext {
	return {
		org,
		checkOrg(params) {
			const requested = (params as {org?: string}).org;
			if (requested !== org.uid) throw new ApiError(404, `organization ${String(requested)} not found`);
			return org.uid;
		},
		actor: () => ({user, now: clock()}),
	};
}
