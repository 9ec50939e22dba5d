import {describe, expect, test} from 'vitest';
import {compileFilter} from '../../source/tui/filter.js';
import {fit, truncate, truncateMiddle, truncateSpans, wrapSpans} from '../../source/tui/text.js';
import {colorAllowed, createTheme} from '../../source/tui/theme.js';
import {span} from '../../source/tui/tone.js';
import {spansText} from './rows.js';

describe('text helpers', () => {
	test('truncate and fit cut with an ellipsis and pad to the width', () => {
		expect(truncate('policy', 10)).toBe('policy');
		expect(truncate('payments-api', 8)).toBe('payment…');
		expect(truncate('a b c', 3)).toBe('a…');
		expect(fit('ab', 4)).toBe('ab  ');
		expect(fit('abcdef', 4)).toBe('abc…');
		expect(truncate('x', 0)).toBe('');
	});

	test('truncateMiddle keeps both ends of a path', () => {
		expect(truncateMiddle('offline files: /tmp/spytui-folder-abc/policies', 24)).toBe('offline file…bc/policies');
		expect(truncateMiddle('short', 24)).toBe('short');
	});

	test('spans keep their tones when cut or wrapped', () => {
		const spans = [span('key ', 'key'), span('value here', 'value')];
		expect(truncateSpans(spans, 8)).toEqual([span('key ', 'key'), span('val…', 'value')]);
		expect(wrapSpans(spans, 9).map(line => spansText(line))).toEqual(['key ', 'value ', 'here']);
		expect(wrapSpans(spans, 9)[1]).toEqual([span('value ', 'value')]);
	});
});

describe('compileFilter', () => {
	test('plain text is a case-insensitive substring; regular expressions work', () => {
		expect(compileFilter('WEB').test('web-frontend')).toBe(true);
		expect(compileFilter('^pay.*api$').test('payments-api')).toBe(true);
		expect(compileFilter('^api').test('payments-api')).toBe(false);
		expect(compileFilter('').test('anything')).toBe(true);
	});

	test('an invalid expression reports why and matches literally', () => {
		const filter = compileFilter('a(b');
		expect(filter.error).toBe('invalid regex: Unterminated group');
		expect(filter.test('xA(Bx')).toBe(true);
		expect(filter.test('ab')).toBe(false);
	});
});

describe('theme', () => {
	test('NO_COLOR set and not empty turns colour off', () => {
		expect(colorAllowed({})).toBe(true);
		expect(colorAllowed({NO_COLOR: ''})).toBe(true);
		expect(colorAllowed({NO_COLOR: '1'})).toBe(false);
	});

	test('without colour, tones keep weight and inverse but lose colours', () => {
		const plain = createTheme({color: false});
		expect(plain.tone('status:Enforcing')).toEqual({bold: true});
		expect(plain.tone('severity:medium')).toEqual({});
		expect(plain.cursor).toEqual({inverse: true});
		const colored = createTheme({color: true});
		expect(colored.tone('status:Enforcing').color).toBe('green');
		expect(colored.tone('severity:critical').color).toBe('magenta');
	});
});
