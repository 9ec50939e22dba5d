import {randomUUID, timingSafeEqual} from 'node:crypto';
import type {FastifyError, FastifyInstance} from 'fastify';
import type FastifyFactory from 'fastify';
import {loadOnUse} from './load-on-use.js';
import {ApiError} from './errors.js';
import type {ServerContext} from './context.js';

export const maximumBodyBytes = 10 * 1024 * 1024;

/**
 * The HTTP shell shared by every route: bearer auth, a trace id on every answer
 * (the real API's `x-context-uid`), and JSON errors for everything, including
 * malformed bodies, oversized bodies and unknown routes.
 */
export function createHttpApp(token: string, context: ServerContext): FastifyInstance {
	const Fastify = loadOnUse('fastify') as typeof FastifyFactory;
	const app = Fastify({
		bodyLimit: maximumBodyBytes,
		// A client that sends its request slowly holds only its own connection, and not for ever.
		requestTimeout: 30_000,
		connectionTimeout: 60_000,
		logger: false,
		// Policy uids contain a colon; do not let the router treat it specially in values.
		routerOptions: {maxParamLength: 200, ignoreTrailingSlash: true},
	});

	// spyctl sends a JSON content type on every request, DELETE included, so an empty body is no body.
	app.addContentTypeParser('application/json', {parseAs: 'string'}, (_request, body, done) => {
		const text = String(body);
		if (text.trim() === '') {
			done(null, undefined);
			return;
		}
		try {
			done(null, JSON.parse(text));
		} catch {
			done(new ApiError(400, 'request body is not valid JSON'), undefined);
		}
	});

	app.addHook('onRequest', async (request, reply) => {
		reply.header('x-context-uid', `ctx:${randomUUID()}`);
		if (!authorized(request.headers.authorization, token)) {
			reply.code(401).send({err_msg: 'unauthorized: send the API key as "Authorization: Bearer <key>"'});
			return reply;
		}
		return undefined;
	});

	app.setErrorHandler((error: FastifyError | ApiError, _request, reply) => {
		if (error instanceof ApiError) {
			reply.code(error.status).send({err_msg: error.message, ...error.body});
			return;
		}
		const status = error.statusCode ?? 500;
		if (status === 413) reply.code(413).send({err_msg: `request body is larger than ${maximumBodyBytes / 1024 / 1024} MB`});
		else if (status >= 400 && status < 500) reply.code(status).send({err_msg: error.message});
		else reply.code(500).send({err_msg: 'internal server error'});
	});

	app.setNotFoundHandler((request, reply) => {
		reply.code(404).send({err_msg: `no route for ${request.method} ${request.url.split('?')[0]}`});
	});

	app.get('/api/v1/org/', async () => [{uid: context.org.uid, name: context.org.name, owner_email: 'local', roles: ['owner']}]);
	return app;
}

function authorized(header: string | undefined, token: string): boolean {
	const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
	if (!match) return false;
	const given = Buffer.from(match[1]!.trim());
	const expected = Buffer.from(token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}
