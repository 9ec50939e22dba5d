import {describe, expect, test} from 'vitest';
import {generalise, makeWildcard} from '../../../source/policy/merge/wildcard.js';

describe('makeWildcard (spyctl make_wildcard)', () => {
	// Expectations checked against spyctl's Python implementation.
	test.each([
		[['python', 'python3.7'], 'python*'],
		[['python3.7', 'python3.9'], 'python3.*'],
		[['ipython', 'python'], '*python'],
		[['nginx', 'nginx-worker'], 'nginx*'],
		[['/usr/bin/x', '/usr/sbin/x'], '/usr/*'],
		[['registry.io/app:v1', 'docker.io/app:v1'], '*.io/app:v1'],
		[['same', 'same'], 'same'],
	])('%j → %j', (strings, expected) => {
		expect(makeWildcard(strings)).toBe(expected);
	});

	test('fewer than three shared characters make no wildcard', () => {
		expect(makeWildcard(['sh', 'bash'])).toBeUndefined();
		expect(makeWildcard(['abcd', 'xyz'])).toBeUndefined();
	});

	test('stars of the later strings are ignored when looking for common text', () => {
		expect(makeWildcard(['nginx', '*ngin*'])).toBe('ngin*');
	});
});

describe('generalise: symmetric merge of two names', () => {
	test('a glob that already covers the other value is kept, either way round', () => {
		expect(generalise('python*', 'python3.7')).toBe('python*');
		expect(generalise('python3.7', 'python*')).toBe('python*');
	});

	test('otherwise a new wildcard, or nothing', () => {
		expect(generalise('app-frontend', 'app-backend')).toBe('app-*');
		expect(generalise('sh', 'zsh')).toBeUndefined();
	});
});
