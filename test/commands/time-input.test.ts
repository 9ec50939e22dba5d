import {describe, expect, test} from 'vitest';
import {UsageError} from '../../source/commands/errors.js';
import {parseTimeInput, TimeInputError, timeWindow} from '../../source/commands/time-input.js';
import {cli, tempDir} from '../helpers/cli.js';

// 2024-03-01T12:00:00Z
const now = 1_709_294_400;

describe('parseTimeInput', () => {
	test.each([
		['1709290000', 1_709_290_000],
		['1709290000.25', 1_709_290_000.25],
		['30s', now - 30],
		['30sc', now - 30],
		['15m', now - 900],
		['15mn', now - 900],
		['2h', now - 7200],
		['1.5h', now - 5400],
		['2hr', now - 7200],
		['1d', now - 86_400],
		['1.5dy', now - 129_600],
		['1w', now - 604_800],
		['2wk', now - 1_209_600],
		// Whole seconds, truncated as spyctl's int() does.
		['0.01m', now - 1],
		['0s', now],
	])('%s', (input, expected) => {
		expect(parseTimeInput(input, now)).toBe(expected);
	});

	test.each([
		['2024-03-01', 1_709_251_200],
		['2024-03-01T10:30:00Z', 1_709_289_000],
		['2024-03-01 10:30', 1_709_289_000],
		['2024-03-01T10:30:00.5', 1_709_289_000.5],
		['2024-03-01T12:30:00+02:00', 1_709_289_000],
		['2024-03-01T05:30:00-0500', 1_709_289_000],
		['2024/03/01 10:30:00', 1_709_289_000],
		['03/01/2024 10:30', 1_709_289_000],
		['Mar 1 2024 10:30', 1_709_289_000],
		['March 1, 2024', 1_709_251_200],
		['1 Mar 2024 10:30:00 UTC', 1_709_289_000],
	])('a date, in UTC unless it says otherwise: %s', (input, expected) => {
		expect(parseTimeInput(input, now)).toBe(expected);
	});

	test.each(['', 'yesterday', '15x', '-5m', 'h', '2024-02-30', '2024-13-01', '2024-03-01T25:00', 'Foo 1 2024', '1.5.2h'])('%j is refused', input => {
		expect(() => parseTimeInput(input, now)).toThrow(/invalid time input/);
	});

	test.each([
		['1709294401', '2024-03-01T12:00:01Z'],
		['2024-03-02', '2024-03-02T00:00:00Z'],
		['2024-03-01T13:00:00+00:30', '2024-03-01T12:30:00Z'],
	])('a time in the future (%s) is refused, as spyctl refuses it', (input, shown) => {
		expect(() => parseTimeInput(input, now)).toThrow(new TimeInputError(`time must be in the past: '${input}' is ${shown}`));
	});
});

describe('timeWindow', () => {
	test('defaults to the last 24 hours', () => {
		expect(timeWindow({}, now)).toEqual({startTime: now - 86_400, endTime: now});
	});

	test('a start at or after the end is a usage error', () => {
		expect(() => timeWindow({startTime: now - 10, endTime: now - 20}, now)).toThrow(UsageError);
		expect(() => timeWindow({startTime: now - 10, endTime: now - 10}, now)).toThrow(/must be before the end time/);
	});
});

describe('on the command line', () => {
	const env = () => ({XDG_DATA_HOME: tempDir()});

	test('a time that cannot be read is a usage error (exit 2) naming the option', async () => {
		const run = await cli(['logs', 'policy', 'web', '-t', 'last tuesday'], {env: env()});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("option '-t, --start-time <time>' argument 'last tuesday' is invalid. invalid time input 'last tuesday'");
		expect(run.stdout).toBe('');
	});

	test('a future end time is a usage error too', async () => {
		const run = await cli(['get', 'deviations', '-e', '2999-01-01'], {env: env()});
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("time must be in the past: '2999-01-01' is 2999-01-01T00:00:00Z");
	});

	test('an empty window is a usage error', async () => {
		const run = await cli(['get', 'deviations', '-t', '1h', '-e', '2h'], {env: env()});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^Error: the start time \(.*\) must be before the end time \(.*\)\n$/);
	});
});
