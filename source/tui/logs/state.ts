import type {LogEntry, TailBatch} from './entry.js';
import type {Pattern} from './pattern.js';
import {emptyRing, type Ring} from './ring.js';
import type {Anchor} from './view.js';
import type {AppliedFilter} from './visible.js';
import {tailWindow} from './windows.js';

/** Whose events: every policy's, one policy's, or a name or uid still to be looked up (`spytui tail NAME`). */
export type LogTarget = {kind: 'all'} | {kind: 'policy'; uid: string; name: string} | {kind: 'lookup'; query: string};

/** What the tail reads. Each start (opening, another window) is a new object, and answers name the one they belong to. */
export type TailRequest = {target: LogTarget; window: number};

/** The visible events as text, for the effect that writes them to a file. */
export type SaveRequest = {name: string; lines: string[]};

export type LogsState = {
	request: TailRequest;
	/** The events shown, newest last. */
	ring: Ring<LogEntry>;
	/** Events that arrived while paused, and how many of them the filter keeps: they join the ring when following again. */
	held?: {ring: Ring<LogEntry>; matching: number};
	/** Following: the newest events are in view, and new ones scroll in. */
	follow: boolean;
	/** Paused: the first row in view, and the selected event (by sequence number). */
	anchor?: Anchor;
	cursor?: number;
	wrap: boolean;
	timestamps: boolean;
	fullscreen: boolean;
	/** `&`: only matching lines are shown. */
	filter?: AppliedFilter;
	/** `/`: matches are highlighted, n and N go from one to the next. */
	search?: Pattern;
	/** The `&` or `/` line while it is typed, and what was in effect before it, for esc to go back to. */
	line?: {kind: 'filter'; text: string; before?: AppliedFilter} | {kind: 'search'; text: string; before?: Pattern};
	/** The event shown with its JSON. */
	expanded?: number;
	/** `reading` until the first read of the window is done. */
	phase: 'looking-up' | 'reading' | 'live' | 'stopped';
	/** Reads failing in a row, and why; cleared by the next read that works. */
	retry?: {failures: number; message: string};
	/** Why the tail stopped: a failure waiting will not fix. */
	error?: string;
	/** A file being written (ctrl+s). */
	save?: SaveRequest;
};

/** Answers from the tail and from saving. Each names the request it answers, so that an answer for an older run is dropped. */
export type LogsAction =
	| {type: 'logs'; kind: 'found'; request: TailRequest; uid: string; name: string}
	| {type: 'logs'; kind: 'read'; request: TailRequest; batches: TailBatch[]; read: boolean; retry?: {failures: number; message: string}}
	| {type: 'logs'; kind: 'stopped'; request: TailRequest; message: string}
	| {type: 'logs'; kind: 'saved'; save: SaveRequest; file: string}
	| {type: 'logs'; kind: 'save-failed'; save: SaveRequest; message: string};

export const defaultLogBuffer = 10_000;

/** The panel as it opens: following the tail of `target`. */
export function openedLogs(target: LogTarget, capacity = defaultLogBuffer): LogsState {
	return {
		request: {target, window: tailWindow},
		ring: emptyRing(capacity),
		follow: true,
		wrap: false,
		timestamps: true,
		fullscreen: false,
		phase: target.kind === 'lookup' ? 'looking-up' : 'reading',
	};
}
