import {InvalidArgumentError, Option} from 'commander';
import {formatTimestamp} from '../operations/policies.js';
import {UsageError} from './errors.js';

/** A time that could not be read, or that lies in the future. */
export class TimeInputError extends Error {
	override name = 'TimeInputError';
}

const unitSeconds: Record<string, number> = {s: 1, sc: 1, m: 60, mn: 60, h: 3600, hr: 3600, d: 86_400, dy: 86_400, w: 604_800, wk: 604_800};

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const timeOfDay = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?`;
const isoDate = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${timeOfDay}$`, 'i');
const usDate = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${timeOfDay}$`, 'i');
const monthFirst = new RegExp(String.raw`^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})${timeOfDay}$`, 'i');
const dayFirst = new RegExp(String.raw`^(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})${timeOfDay}$`, 'i');

/**
 * Reads a time the way spyctl's `-t/-e` do (reference §4.1) and returns epoch
 * seconds: epoch seconds themselves, `N` units ago (`30s`, `15m`, `1.5h`,
 * `2d`, `1w`, also spelled `sc`, `mn`, `hr`, `dy`, `wk`), or a date, in UTC
 * unless it names an offset. A time after `now` is refused, as in spyctl.
 */
export function parseTimeInput(text: string, now: number): number {
	const input = text.trim();
	const seconds = /^\d+(?:\.\d+)?$/.test(input) ? Number(input) : (relativeTime(input, now) ?? dateTime(input));
	if (seconds === undefined) {
		throw new TimeInputError(`invalid time input '${text}': use epoch seconds, a time ago (30s, 15m, 1.5h, 2d, 1w) or a date (2024-01-31, 2024-01-31T12:00:00Z, 01/31/2024 12:00)`);
	}
	if (seconds > now) throw new TimeInputError(`time must be in the past: '${text}' is ${formatTimestamp(seconds)}`);
	return seconds;
}

function relativeTime(input: string, now: number): number | undefined {
	const match = /^(\d+(?:\.\d*)?|\.\d+)(sc|mn|hr|dy|wk|s|m|h|d|w)$/i.exec(input);
	if (!match) return undefined;
	// Whole seconds, as spyctl truncates them.
	return Math.trunc(now - Number(match[1]) * unitSeconds[match[2]!.toLowerCase()]!);
}

function dateTime(input: string): number | undefined {
	let match = isoDate.exec(input);
	if (match) return toEpoch(Number(match[1]), Number(match[2]), Number(match[3]), match.slice(4));
	match = usDate.exec(input);
	if (match) return toEpoch(Number(match[3]), Number(match[1]), Number(match[2]), match.slice(4));
	match = monthFirst.exec(input);
	if (match) return toEpoch(Number(match[3]), monthNumber(match[1]!), Number(match[2]), match.slice(4));
	match = dayFirst.exec(input);
	if (match) return toEpoch(Number(match[3]), monthNumber(match[2]!), Number(match[1]), match.slice(4));
	return undefined;
}

/** January is 1; a word that is neither a month's name nor its first three letters is 0, which toEpoch rejects. */
function monthNumber(word: string): number {
	const lower = word.toLowerCase();
	return monthNames.findIndex(name => name === lower || name.slice(0, 3) === lower) + 1;
}

/** Epoch seconds of a calendar time, or undefined when a field is out of range (Feb 30, 25:00). */
function toEpoch(year: number, month: number, day: number, [hour = '0', minute = '0', second = '0', fraction = '', zone]: Array<string | undefined>): number | undefined {
	const parts = {hour: Number(hour), minute: Number(minute), second: Number(second)};
	const millis = Date.UTC(year, month - 1, day, parts.hour, parts.minute, parts.second);
	const date = new Date(millis);
	const valid =
		month >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === parts.hour && date.getUTCMinutes() === parts.minute && date.getUTCSeconds() === parts.second;
	if (!valid) return undefined;
	return millis / 1000 + (fraction ? Number(`0.${fraction}`) : 0) - zoneOffsetSeconds(zone);
}

function zoneOffsetSeconds(zone: string | undefined): number {
	if (zone === undefined || /^(z|utc)$/i.test(zone)) return 0;
	const digits = zone.replace(':', '');
	const sign = digits.startsWith('-') ? -1 : 1;
	return sign * (Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5)) * 60);
}

/** `-t/--start-time` or `-e/--end-time`: read when the command line is parsed, so a bad time is a usage error (exit 2). */
export function timeOption(flags: string, description: string, clock: () => number = () => Date.now() / 1000): Option {
	return new Option(flags, description).argParser((value: string) => {
		try {
			return parseTimeInput(value, clock());
		} catch (error) {
			if (error instanceof TimeInputError) throw new InvalidArgumentError(error.message);
			throw error;
		}
	});
}

export type TimeWindow = {startTime: number; endTime: number};

/** The window of a query: `-t` (spyctl's default is 24 hours ago) to `-e` (default now). */
export function timeWindow(options: {startTime?: number; endTime?: number}, now: number, defaultStart = '24h'): TimeWindow {
	const startTime = options.startTime ?? parseTimeInput(defaultStart, now);
	const endTime = options.endTime ?? now;
	if (startTime >= endTime) throw new UsageError(`the start time (${formatTimestamp(startTime)}) must be before the end time (${formatTimestamp(endTime)})`);
	return {startTime, endTime};
}
