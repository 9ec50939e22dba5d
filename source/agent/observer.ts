import {debuglog} from 'node:util';
import type {ApiClient, IngestSummary} from '../api/client.js';
import {ApiRequestError} from '../api/errors.js';
import {changeTracker} from './changes.js';
import {hostObservation, type Observation} from './observation.js';

export type ObserverOptions = {
	/** Where the fingerprints go: the ingest endpoint of a server, through the API client. */
	client: Pick<ApiClient, 'ingest'>;
	/** Time from the start of one cycle to the start of the next; 1000 unless given. */
	intervalMs?: number;
	/** Says what a cycle skipped or failed to send; `NODE_DEBUG=spytui-observer` shows it unless another log is given. */
	log?: (line: string) => void;
};

/** What one cycle did: workloads seen, fingerprints the server took, its answer to the last send, and why a send failed. */
export type CycleReport = {workloads: number; sent: number; summary?: IngestSummary; error?: string};

export type Observer = {
	/** Runs a cycle now, after the one in progress if there is one. */
	cycle: () => Promise<CycleReport>;
	/** Stops the cycles and waits for the one in progress: its fingerprints reach the server before it closes. */
	stop: () => Promise<void>;
};

/**
 * Watches this machine: every interval it reads `/proc`, builds a
 * fingerprint per workload and sends those that changed since they were
 * last sent through the client's `ingest`, like any other source. A send
 * that fails is tried again on the next cycle; so is a host without a Linux
 * `/proc`, quietly (the log says why). The first cycle starts at once; the
 * timers never keep the process alive on their own.
 */
export function startObserver(options: ObserverOptions): Observer {
	const intervalMs = options.intervalMs ?? 1000;
	const log = options.log ?? debuglog('spytui-observer');
	const tracker = changeTracker();
	let observation: ReturnType<typeof hostObservation> | undefined;
	let lastSaid = '';
	let queue: Promise<unknown> = Promise.resolve();
	let timer: NodeJS.Timeout | undefined;
	let stopped = false;

	async function run(): Promise<CycleReport> {
		let seen: Observation;
		try {
			observation ??= hostObservation();
			seen = observation.observe(Date.now() / 1000);
		} catch (error) {
			const message = `reading /proc failed: ${error instanceof Error ? error.message : String(error)}`;
			// Said once: a host without /proc fails the same way every second.
			if (message !== lastSaid) log(message);
			lastSaid = message;
			return {workloads: 0, sent: 0, error: message};
		}
		reportSkips(seen.skipped);
		let pending = tracker.changed(seen.fingerprints);
		const report: CycleReport = {workloads: seen.fingerprints.size, sent: 0};
		while (pending.length > 0) {
			try {
				const summary = await options.client.ingest(pending.map(change => change.fingerprint));
				tracker.delivered(pending);
				report.sent += pending.length;
				report.summary = summary;
				pending = [];
			} catch (error) {
				const refused = refusedIndex(error, pending.length);
				const message = error instanceof Error ? error.message : String(error);
				if (refused === undefined) {
					report.error = `sending ${pending.length} fingerprint(s) failed, trying again next cycle: ${message}`;
					log(report.error);
					return report;
				}
				// One fingerprint the server will not take must not hold up the others cycle after cycle.
				log(`the server refused the fingerprint of ${pending[refused]!.key}, left out until it changes: ${message}`);
				tracker.delivered([pending[refused]!]);
				pending = pending.filter((_, index) => index !== refused);
			}
		}
		return report;
	}

	/** Logs what a cycle could not see, when that differs from the cycle before: a steady state is said once. */
	function reportSkips(skipped: Observation['skipped']): void {
		const parts = [
			skipped.gone > 0 ? `${skipped.gone} process(es) exited while being read` : '',
			skipped.unreadable > 0 ? `${skipped.unreadable} process(es) unreadable` : '',
			skipped.exeHidden > 0 ? `${skipped.exeHidden} process(es) whose executable may not be read: taken from the command line (root may read other users')` : '',
			skipped.socketsHidden > 0 ? `${skipped.socketsHidden} process(es) of other users: sockets not seen (run as root to see them)` : '',
			skipped.tables.length > 0 ? `no socket table ${skipped.tables.join(', ')}` : '',
		].filter(Boolean);
		const text = parts.length > 0 ? `skipped: ${parts.join('; ')}` : 'nothing skipped';
		if (text !== lastSaid) log(text);
		lastSaid = text;
	}

	function cycle(): Promise<CycleReport> {
		const next = queue.then(run);
		queue = next.catch(() => undefined);
		return next;
	}

	async function loop(): Promise<void> {
		const started = Date.now();
		await cycle().catch((error: unknown) => log(`a cycle failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
		if (stopped) return;
		timer = setTimeout(() => void loop(), Math.max(0, intervalMs - (Date.now() - started)));
		timer.unref();
	}

	void loop();
	return {
		cycle,
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await queue;
			observation?.close();
			observation = undefined;
		},
	};
}

/** The fingerprint a validation error names (`fingerprints[3].spec…`), if it names one of those sent. */
function refusedIndex(error: unknown, sent: number): number | undefined {
	if (!(error instanceof ApiRequestError) || error.kind !== 'validation') return undefined;
	const index = Number(/^fingerprints\[(\d+)\]/.exec(error.details.field ?? '')?.[1]);
	return Number.isInteger(index) && index < sent ? index : undefined;
}
