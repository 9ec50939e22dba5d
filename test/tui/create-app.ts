import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {containerFingerprint, nginx} from '../server/ingest-fixtures.js';
import type {ApiApp} from './api-app.js';

/** A container fingerprint of `image`, seen `minutesAgo`: inside the dialog's window whatever the clock says. */
export function containerSeen(image: string, containerID: string, minutesAgo: number) {
	return containerFingerprint([nginx()], {image, containerID, at: Date.now() / 1000 - minutesAgo * 60});
}

export function serviceSeen(cgroup: string, minutesAgo: number) {
	return {
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'linux-service', latestTimestamp: Date.now() / 1000 - minutesAgo * 60},
		spec: {
			serviceSelector: {cgroup},
			processPolicy: [{name: 'sshd', exe: ['/usr/sbin/sshd'], id: 'sshd_0', euser: ['root']}],
			networkPolicy: {ingress: [], egress: []},
		},
	};
}

/** Puts fingerprints into the app's server as an agent would, through the client's ingest call. */
export async function ingest(app: ApiApp, fingerprints: unknown[]): Promise<void> {
	await app.during(async () => app.server.client.ingest(fingerprints));
}

/** `c`, then waits until the server's fingerprints are listed (or said to be missing). */
export async function openCreate(app: ApiApp): Promise<string> {
	await app.press('c');
	return app.waitForFrame(frame => /newest first\.|has no fingerprints|could not fetch/.test(frame));
}

/** The dialog's rows between its borders, without them: what the user reads in it. */
export function dialogText(frame: string): string {
	return frame
		.split('\n')
		.filter(line => line.startsWith('│'))
		.map(line => line.slice(2, -1).trimEnd())
		.join('\n');
}

/** The dialog's text with wrapped lines joined, for sentences that wrap at the dialog's width. */
export function dialogProse(frame: string): string {
	return dialogText(frame).replaceAll('\n', ' ');
}

/** The source list row the cursor is on. */
export function highlighted(frame: string): string {
	return (
		frame
			.split('\n')
			.find(line => line.startsWith('│ ❯ '))
			?.slice(4, -1)
			.trim() ?? ''
	);
}

/**
 * A real HTTP hop in front of the real server. `corrupt` rewrites the severity
 * of a policy being created, so the server's own validation refuses it with
 * its 400 and the field; `hold` keeps create requests unanswered until close.
 */
export async function startHop(target: string, mode: 'corrupt' | 'hold') {
	const held = new Set<http.ServerResponse>();
	const server = http.createServer((request, response) => {
		const creating = request.method === 'POST' && /\/analyticspolicy\/?$/.test(request.url ?? '');
		if (creating && mode === 'hold') {
			held.add(response);
			return;
		}
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			let body = Buffer.concat(chunks);
			if (creating) body = Buffer.from(body.toString('utf8').replaceAll('"severity":"high"', '"severity":"urgent"'));
			const upstream = http.request(new URL(request.url ?? '/', target), {method: request.method, headers: {...request.headers, 'content-length': String(body.length)}}, reply => {
				response.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(response);
			});
			upstream.end(body);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		held,
		close: async () =>
			new Promise<void>(resolve => {
				for (const response of held) response.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
