import {isRecord} from '../../policy/is-record.js';
import type {Finding} from './find-deviations.js';
import type {IndexedProcess} from './process-index.js';

export type Wording = {description: string; short_description: string};

/**
 * How a deviation is worded in its record and its log event. Processes as in
 * reference §1.10: `Process "sh" using executable "/usr/bin/dash" deviated
 * from policy "demo".`; connections name direction, peer, port and process.
 */
export function describeFinding(finding: Finding, policyName: string): Wording {
	const subject = finding.subject;
	if (subject.kind === 'process') {
		const {process, newExes} = subject.change;
		const exe = newExes[0] ?? process.exe[0] ?? '';
		return {
			description: `Process "${process.name}" using executable "${exe}" deviated from policy "${policyName}".`,
			short_description: `Process "${process.name}" (${exe}) deviated`,
		};
	}
	const {direction, rule} = subject.connection;
	const peer = peerText(rule[direction === 'ingress' ? 'from' : 'to']);
	const port = portText(rule['ports']);
	const process = subject.process ? ` ${direction === 'ingress' ? 'to' : 'from'} process "${subject.process.name}"` : '';
	const toOrFrom = direction === 'ingress' ? 'from' : 'to';
	const label = direction === 'ingress' ? 'Ingress' : 'Egress';
	return {
		description: `${label} connection${process} ${toOrFrom} "${peer}" on ${port} deviated from policy "${policyName}".`,
		short_description: `${label} ${toOrFrom} "${peer}" on ${port} deviated`,
	};
}

/** `process "sh" (/usr/bin/dash)`: how actions name the process they act on. */
export function processText(process: IndexedProcess): string {
	return `process "${process.name}" (${process.exe[0] ?? 'unknown executable'})`;
}

/** A connection's one peer: a DNS name or a CIDR. */
function peerText(peers: unknown): string {
	const peer = Array.isArray(peers) ? peers[0] : undefined;
	if (!isRecord(peer)) return 'unknown peer';
	if (Array.isArray(peer['dnsSelector'])) return String(peer['dnsSelector'][0]);
	if (isRecord(peer['ipBlock'])) return String(peer['ipBlock']['cidr']);
	return 'unknown peer';
}

/** `TCP port 443`, `UDP ports 5000-5010`. */
function portText(ports: unknown): string {
	const port = Array.isArray(ports) ? ports[0] : undefined;
	if (!isRecord(port)) return 'an unknown port';
	const end = port['endPort'];
	return typeof end === 'number' && end !== port['port'] ? `${String(port['protocol'])} ports ${String(port['port'])}-${end}` : `${String(port['protocol'])} port ${String(port['port'])}`;
}
