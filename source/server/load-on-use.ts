import {createRequire} from 'node:module';

/**
 * fastify and better-sqlite3 cost a quarter of a second to load. The bundle
 * puts the server beside code every command uses, so they are required when a
 * server is actually started rather than imported with the module.
 */
export const loadOnUse = createRequire(import.meta.url);
