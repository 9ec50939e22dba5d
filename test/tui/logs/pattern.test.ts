import {describe, expect, test} from 'vitest';
import {compilePattern, matchRanges} from '../../../source/tui/logs/pattern.js';

describe('patterns typed after & and /', () => {
	test('are regular expressions that ignore case', () => {
		const pattern = compilePattern('ng.nx|dash', {invertible: true});
		expect(pattern.test('Started NGINX')).toBe(true);
		expect(pattern.test('/usr/bin/dash')).toBe(true);
		expect(pattern.test('python')).toBe(false);
		expect(pattern.error).toBeUndefined();
	});

	test('a leading ! keeps the lines that do not match, for a filter only', () => {
		expect(compilePattern('!nginx', {invertible: true}).test('python')).toBe(true);
		expect(compilePattern('!nginx', {invertible: true}).test('nginx')).toBe(false);
		expect(compilePattern('!nginx', {invertible: false}).test('say !nginx')).toBe(true);
	});

	test('an invalid expression is said, and matched as plain text', () => {
		const pattern = compilePattern('a(b', {invertible: true});
		expect(pattern.error).toBe('invalid regex: Unterminated group; matching it as plain text');
		expect(pattern.test('x a(b y')).toBe(true);
		expect(pattern.test('ab')).toBe(false);
		expect(matchRanges(pattern, 'x a(b y')).toEqual([[2, 5]]);
	});

	test('match ranges cover every non-empty match; an inverted filter highlights nothing', () => {
		expect(matchRanges(compilePattern('sh', {invertible: false}), 'sh and bash')).toEqual([
			[0, 2],
			[9, 11],
		]);
		expect(matchRanges(compilePattern('x*', {invertible: false}), 'abc')).toEqual([]);
		expect(matchRanges(compilePattern('!sh', {invertible: true}), 'sh')).toEqual([]);
	});
});
