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

/**
 * What a run of reads has seen lately: every event stored at or after `from`
 * when it was last read, by id with its time. A read that starts at `from`
 * tells new events from ones already shown by these ids alone, including
 * events stored late with an earlier time than the newest one shown.
 */
export type SeenEvents = {from: number; times: ReadonlyMap<string, number>};

export type LogBatch = {
	/** The events to show, oldest first. */
	events: PolicyLogEvent[];
	/** Where the next read resumes: after the newest event read (even one --tail hid), else where this read resumed. */
	iterator?: string;
	/** What the next read of the same run starts from and checks against. */
	seen: SeenEvents;
	/** The read stopped at its limit with newer events left: the next read should follow at once. */
	more: boolean;
};

export type BatchOptions = {
	/** Resume after this iterator instead of starting at the window's start. */
	since?: string;
	/** Show only the newest N events; negative for all. */
	tail?: number;
	/** What the previous read of the same run saw; the read starts at its `from`. */
	seen?: SeenEvents;
	/** Events one read asks for at most (the search API's result limit). */
	limit?: number;
};

/** spyctl asks the search API for at most 10,000 results. */
const readLimit = 10_000;

/**
 * Events re-read each poll to catch late ones, at most. At a few events a
 * second this is the whole minute of overlap; at thousands a second the
 * minute would not fit in one read, so the overlap shrinks to the newest ones.
 */
const recheckLimit = 500;

/** One read of a policy's logs (of every policy's without a uid), as `spyctl logs policy` makes it. */
export async function readLogBatch(client: ApiClient, policyUid: string | undefined, window: SearchWindow, options: BatchOptions = {}): Promise<LogBatch> {
	const position = options.since === undefined ? undefined : decodeIterator(options.since);
	const seen = options.seen;
	const startTime = seen?.from ?? position?.startTime ?? window.startTime;
	const limit = options.limit ?? readLimit;
	const events = await client.logEvents({policyUid}, {startTime, endTime: window.endTime}, {resultLimit: limit});
	// The search widens the window to whole seconds; what lies before `from` was shown or let go already.
	const fresh = seen ? events.filter(event => event.time >= seen.from && !seen.times.has(event.id)) : position ? eventsAfter(events, position) : events;
	const newest = events.at(-1);
	const full = events.length >= limit;
	return {
		events: lastEvents(fresh, options.tail ?? -1),
		iterator: newest ? encodeIterator(newest) : options.since,
		seen: nextSeen(seen, events, startTime, full),
		// A full read of events that all share its start time cannot be paged by time; it waits for the next poll instead of spinning.
		more: full && newest !== undefined && newest.time > startTime,
	};
}

/**
 * After a read from `start`: every event at or after `start` is now seen. The
 * next read starts a minute before the newest (within what is seen), or
 * right at the newest when this read was cut off at its limit.
 */
export function nextSeen(previous: SeenEvents | undefined, events: readonly PolicyLogEvent[], start: number, full: boolean): SeenEvents {
	const times = new Map<string, number>();
	for (const [id, time] of previous?.times ?? []) if (time >= start) times.set(id, time);
	for (const event of events) if (event.time >= start) times.set(event.id, event.time);
	if (times.size === 0) return {from: start, times};
	const sorted = [...times.values()].sort((left, right) => right - left);
	let from = full ? (events.at(-1)?.time ?? start) : Math.max(start, sorted[0]! - overlapSeconds);
	if (sorted.length > recheckLimit) from = Math.max(from, sorted[recheckLimit - 1]!);
	for (const [id, time] of times) if (time < from) times.delete(id);
	return {from, times};
}

/**
 * Failures worth waiting out: the connection dropped, the server is
 * restarting, or it asked us to slow down. Once a search has worked, a 404
 * means the search job was lost with the server that ran it.
 */
export function isTransient(error: unknown, searchedBefore = false): error is ApiRequestError {
	if (!(error instanceof ApiRequestError)) return false;
	return error.kind === 'network' || error.kind === 'server' || error.details.status === 429 || (searchedBefore && error.details.status === 404);
}

export type FollowOptions = {
	/** The policy to follow; without it, every policy. */
	policyUid?: string;
	/** Where the first read starts when there is no iterator. */
	startTime: number;
	since?: string;
	/** The newest N events of the first read (however many reads it takes to reach the present); then every new one. */
	tail?: number;
	/** spyctl polls every 2.5 s. */
	pollMs: number;
	/** Events one read asks for at most; a read that gets this many is followed at once by the next. spyctl's 10,000 by default. */
	readLimit?: number;
	/** Ends the loop (Ctrl-C); a read in flight is abandoned. */
	signal: AbortSignal;
	onEvents: (events: PolicyLogEvent[]) => void;
	/** A read failed on the network or the server; the next poll retries from the same place. `failures` counts them in a row. */
	onRetry: (error: ApiRequestError, failures: number) => void;
	/** Every read that worked, with events or without: the first says the window is read, and one after failures that the API is back. */
	onRead?: () => void;
	/** Epoch seconds; injected so that tests control time. */
	now?: () => number;
	/** Injected so that tests poll without waiting; it must return early when `signal` aborts. */
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

/**
 * `logs -f`: reads, shows, waits, and reads again from where the last read
 * left off until the signal aborts. A read cut off at its limit is followed
 * at once, so a busy stream is caught up with rather than fallen behind.
 * Returns the last iterator, from which a later run resumes with no event
 * missed and none repeated.
 */
export async function followLogs(client: ApiClient, options: FollowOptions): Promise<string | undefined> {
	const now = options.now ?? (() => Date.now() / 1000);
	const sleep = options.sleep ?? abortableSleep;
	let since = options.since;
	let tail = options.tail;
	let held: PolicyLogEvent[] = [];
	let seen: SeenEvents | undefined;
	let failures = 0;
	while (!options.signal.aborted) {
		try {
			const batch = await untilAborted(readLogBatch(client, options.policyUid, {startTime: options.startTime, endTime: now()}, {since, seen, limit: options.readLimit}), options.signal);
			if (batch === undefined) break;
			failures = 0;
			since = batch.iterator;
			seen = batch.seen;
			let events = batch.events;
			if (tail !== undefined) {
				held = lastEvents([...held, ...batch.events], tail);
				if (batch.more) continue;
				events = held;
				held = [];
				tail = undefined;
			}
			options.onRead?.();
			if (events.length > 0) options.onEvents(events);
			if (batch.more) continue;
		} catch (error) {
			if (!isTransient(error, seen !== undefined)) throw error;
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
