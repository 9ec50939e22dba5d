import {setTimeout as delay} from 'node:timers/promises';
import type {ApiClient} from '../api/client.js';
import {ApiRequestError} from '../api/errors.js';
import type {PolicyLogEvent} from '../api/search-records.js';
import type {SearchWindow} from '../api/search.js';

/**
 * Where a log read resumes, as spyctl's iterator holds it: a start time a
 * minute before the last event seen (events can be stored a little late), and
 * that event's id, so the overlap is dropped again.
 */
export type LogPosition = {startTime: number; lastId: string};

export class IteratorError extends Error {
	override name = 'IteratorError';
}

const overlapSeconds = 60;
/** Event times go through text in the iterator; this much slack still finds the same instant. */
const timeSlack = 1e-6;

/** base64url without padding of `"<time - 60>|<id>"`, byte for byte as spyctl writes it. */
export function encodeIterator(event: {time: number; id: string}): string {
	return Buffer.from(`${pythonFloat(event.time - overlapSeconds)}|${event.id}`, 'utf8').toString('base64url');
}

export function decodeIterator(iterator: string): LogPosition {
	const fail = () => new IteratorError(`Unable to parse iterator '${iterator}'`);
	if (!/^[\w-]+={0,2}$/.test(iterator)) throw fail();
	const parts = Buffer.from(iterator, 'base64url').toString('utf8').split('|');
	if (parts.length !== 2 || !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(parts[0]!) || parts[1] === '') throw fail();
	return {startTime: Number(parts[0]), lastId: parts[1]!};
}

/** Python prints whole floats with `.0`; spyctl's iterators carry Python floats. */
function pythonFloat(value: number): string {
	return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * The events after the one an iterator names. Events arrive in (time, id)
 * order; if the named event is gone from the window (it aged out), the ones at
 * or before it in that order are dropped instead, so nothing is shown twice.
 */
export function eventsAfter(events: readonly PolicyLogEvent[], position: LogPosition): PolicyLogEvent[] {
	const index = events.findIndex(event => event.id === position.lastId);
	if (index >= 0) return events.slice(index + 1);
	const lastTime = position.startTime + overlapSeconds;
	return events.filter(event => event.time > lastTime + timeSlack || (Math.abs(event.time - lastTime) <= timeSlack && event.id > position.lastId));
}

/** `--tail N`: the last N events; a negative N (spyctl's default -1) keeps them all. */
export function lastEvents<T>(events: readonly T[], tail: number): T[] {
	if (tail < 0) return [...events];
	return tail === 0 ? [] : events.slice(-tail);
}

export type LogBatch = {
	/** The events to show, oldest first. */
	events: PolicyLogEvent[];
	/** Where the next read resumes: after the newest event read (even one --tail hid), else where this read resumed. */
	iterator?: string;
	/** The ids of every event the read returned: all of them are shown or were shown before. */
	known: Set<string>;
};

export type BatchOptions = {
	/** Resume after this iterator instead of starting at the window's start. */
	since?: string;
	/** Show only the newest N events; negative for all. */
	tail?: number;
	/**
	 * The ids the previous read of the same run returned. The iterator's id
	 * alone cuts off an event stored late with an earlier time; within a run,
	 * these ids tell exactly which events of the overlap minute are new.
	 */
	known?: ReadonlySet<string>;
};

/** One read of a policy's logs, as `spyctl logs policy` makes it. */
export async function readLogBatch(client: ApiClient, policyUid: string, window: SearchWindow, options: BatchOptions = {}): Promise<LogBatch> {
	const position = options.since === undefined ? undefined : decodeIterator(options.since);
	const events = await client.policyLogs(policyUid, {startTime: position?.startTime ?? window.startTime, endTime: window.endTime});
	const known = options.known;
	const fresh = known && known.size > 0 ? events.filter(event => !known.has(event.id)) : position ? eventsAfter(events, position) : events;
	const newest = events.at(-1);
	return {events: lastEvents(fresh, options.tail ?? -1), iterator: newest ? encodeIterator(newest) : options.since, known: new Set(events.map(event => event.id))};
}

/** Failures worth waiting out: the connection dropped, the server is restarting, or it asked us to slow down. */
export function isTransient(error: unknown): error is ApiRequestError {
	return error instanceof ApiRequestError && (error.kind === 'network' || error.kind === 'server' || error.details.status === 429);
}

export type FollowOptions = {
	policyUid: string;
	/** Where the first read starts when there is no iterator. */
	startTime: number;
	since?: string;
	/** Applies to the first read only, as in spyctl. */
	tail?: number;
	/** spyctl polls every 2.5 s. */
	pollMs: number;
	/** Ends the loop (Ctrl-C); a read in flight is abandoned. */
	signal: AbortSignal;
	onEvents: (events: PolicyLogEvent[]) => void;
	/** A read failed on the network or the server; the next poll retries from the same place. `failures` counts them in a row. */
	onRetry: (error: ApiRequestError, failures: number) => void;
	/** Epoch seconds; injected so that tests control time. */
	now?: () => number;
	/** Injected so that tests poll without waiting; it must return early when `signal` aborts. */
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

/**
 * `logs -f`: reads, shows, waits, and reads again from the last iterator
 * until the signal aborts. Returns the last iterator, from which a later run
 * resumes with no event missed and none repeated.
 */
export async function followLogs(client: ApiClient, options: FollowOptions): Promise<string | undefined> {
	const now = options.now ?? (() => Date.now() / 1000);
	const sleep = options.sleep ?? abortableSleep;
	let since = options.since;
	let tail = options.tail;
	let known: ReadonlySet<string> | undefined;
	let failures = 0;
	while (!options.signal.aborted) {
		try {
			const batch = await untilAborted(readLogBatch(client, options.policyUid, {startTime: options.startTime, endTime: now()}, {since, tail, known}), options.signal);
			if (batch === undefined) break;
			failures = 0;
			tail = undefined;
			since = batch.iterator;
			known = batch.known;
			if (batch.events.length > 0) options.onEvents(batch.events);
		} catch (error) {
			if (!isTransient(error)) throw error;
			options.onRetry(error, ++failures);
		}
		await sleep(options.pollMs, options.signal);
	}
	return since;
}

async function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
	await delay(ms, undefined, {signal}).catch(() => undefined);
}

/** The work's result, or undefined as soon as the signal aborts; a later failure of abandoned work is ignored. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
	if (signal.aborted) return Promise.resolve(undefined);
	return new Promise<T | undefined>((resolve, reject) => {
		const stop = () => resolve(undefined);
		signal.addEventListener('abort', stop, {once: true});
		work.then(
			value => {
				signal.removeEventListener('abort', stop);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', stop);
				reject(error as Error);
			},
		);
	});
}
