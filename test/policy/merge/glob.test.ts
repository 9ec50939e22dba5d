import {describe, expect, test} from 'vitest';
import {globMatches} from '../../../source/policy/merge/glob.js';

// Each expectation is what Python 3.11's fnmatch.fnmatch(text, pattern) answers, which is what spyctl runs.
const cases: Array<[pattern: string, text: string, matches: boolean]> = [
	['*', '/usr/bin/python3', true],
	['/usr/bin/*', '/usr/bin/python3', true],
	['/usr/*/python3', '/usr/local/bin/python3', true],
	['*.example.com', 'api.example.com', true],
	['*.example.com', 'example.com', false],
	['python3.?', 'python3.7', true],
	['python3.?', 'python3.10', false],
	['[!a]b', 'cb', true],
	['[!a]b', 'ab', false],
	['[^a]b', '^b', true],
	['[a-c]x', 'bx', true],
	['[z-a]', 'z', false],
	['[]]', ']', true],
	['[', '[', true],
	['a[b', 'a[b', true],
	['{a,b}', 'a', false],
	['{a,b}', '{a,b}', true],
	['@(x)', 'x', false],
	['a\\b', 'a\\b', true],
	['*', '.hidden', true],
	['Sh', 'sh', false],
	['é*', 'été', true],
	['?', '😀', true],
	['py*', 'py*', true],
];

describe('globMatches follows Python fnmatch, as spyctl does', () => {
	test.each(cases)('%j against %j → %s', (pattern, text, matches) => {
		expect(globMatches(pattern, text)).toBe(matches);
	});
});
