import {describe, expect, test} from 'vitest';
import {logWindows, windowAt, windowChoices, windowOfKey} from '../../../source/tui/logs/windows.js';

describe('the windows 0 to 6', () => {
	test('are the tail, then 1m, 5m, 15m, 30m, 1h and 24h back', () => {
		expect(windowChoices()).toBe('0 tail, 1 1m, 2 5m, 3 15m, 4 30m, 5 1h, 6 24h');
		expect(logWindows.map(window => window.seconds)).toEqual([86_400, 60, 300, 900, 1800, 3600, 86_400]);
		expect(windowAt(0).tail).toBe(100);
		expect(logWindows.slice(1).every(window => window.tail === undefined)).toBe(true);
	});

	test('a digit picks one; anything else none', () => {
		expect(windowOfKey('4')).toBe(4);
		expect(windowOfKey('7')).toBeUndefined();
		expect(windowAt(99).label).toBe('tail');
	});
});
