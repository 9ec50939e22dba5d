import {describe, expect, it} from 'vitest';
import {QuerySyntaxError} from '../../source/server/search/query-error.js';
import {matchesQuery} from '../../source/server/search/query-evaluate.js';
import {parseQuery} from '../../source/server/search/query-parser.js';

const record = {
	id: 'dev:1',
	policy_uid: 'pol:abc',
	policy_name: 'web-frontend',
	time: 1_700_000_000.5,
	count: 3,
	enabled: true,
	port: '443',
	ip: '10.1.2.3',
	mapped: '::ffff:192.168.1.7',
	note: 'a.b (x)',
	metadata: {type: 'container', labels: {app: 'web', tier: 'front'}},
	exes: ['/bin/sh', '/usr/bin/python3'],
	containers: [{name: 'nginx'}, {name: 'sidecar'}],
	empty: [],
};

const matches = (query: string, value: unknown = record) => matchesQuery(parseQuery(query), value);

function syntaxError(query: string): QuerySyntaxError {
	try {
		parseQuery(query);
	} catch (error) {
		if (error instanceof QuerySyntaxError) return error;
		throw error;
	}
	throw new Error(`'${query}' parsed`);
}

describe('comparisons', () => {
	it('= compares strings, numbers and booleans, each with its text form', () => {
		expect(matches('policy_uid = "pol:abc"')).toBe(true);
		expect(matches("policy_uid = 'pol:abc'")).toBe(true);
		expect(matches('policy_uid = "pol:ab"')).toBe(false);
		expect(matches('count = 3')).toBe(true);
		expect(matches('count = "3"')).toBe(true);
		expect(matches('port = 443')).toBe(true);
		expect(matches('time = 1700000000.5')).toBe(true);
		expect(matches('enabled = true')).toBe(true);
		expect(matches('enabled = True')).toBe(true);
		expect(matches('enabled = false')).toBe(false);
	});

	it('!= is NOT =, so a missing field is != anything', () => {
		expect(matches('policy_uid != "pol:other"')).toBe(true);
		expect(matches('policy_uid != "pol:abc"')).toBe(false);
		expect(matches('missing != "x"')).toBe(true);
		expect(matches('missing = "x"')).toBe(false);
	});

	it('~= matches a glob: * any run, ? one character, everything else literally', () => {
		expect(matches('policy_name ~= "web*"')).toBe(true);
		expect(matches("policy_name ~= '*front*'")).toBe(true);
		expect(matches('policy_name ~= "*back*"')).toBe(false);
		expect(matches('policy_name ~= "web-frontend"')).toBe(true);
		expect(matches('policy_name ~= "web"')).toBe(false);
		expect(matches('policy_name ~= "web?frontend"')).toBe(true);
		expect(matches('note ~= "a.b (x)"')).toBe(true);
		expect(matches('note ~= "a?b*"')).toBe(true);
		expect(matches('note ~= "axb*"')).toBe(false);
		expect(matches('count ~= "3"')).toBe(true);
	});

	it('!~= is NOT ~=', () => {
		expect(matches('policy_name !~= "*back*"')).toBe(true);
		expect(matches('policy_name !~= "web*"')).toBe(false);
	});

	it('<, <=, >, >= order numbers with numbers and strings with strings', () => {
		expect(matches('count > 2')).toBe(true);
		expect(matches('count >= 3')).toBe(true);
		expect(matches('count < 3')).toBe(false);
		expect(matches('count <= 3')).toBe(true);
		expect(matches('time > 1700000000')).toBe(true);
		expect(matches('policy_name > "a"')).toBe(true);
		expect(matches('policy_name > 1')).toBe(false);
	});

	it('<< tests an address against a subnet, IPv4-mapped IPv6 included', () => {
		expect(matches("ip << '10.0.0.0/8'")).toBe(true);
		expect(matches("ip << '10.1.2.3'")).toBe(true);
		expect(matches("ip << '192.168.0.0/16'")).toBe(false);
		expect(matches("mapped << '192.168.1.0/24'")).toBe(true);
		expect(matches("policy_name << '10.0.0.0/8'")).toBe(false);
	});

	it('reads escaped quotes and backslashes in strings', () => {
		expect(matches(String.raw`quote = "say \"hi\" \\ bye"`, {quote: String.raw`say "hi" \ bye`})).toBe(true);
		expect(matches(String.raw`quote = 'it\'s'`, {quote: "it's"})).toBe(true);
	});
});

describe('fields', () => {
	it('dotted names reach into objects', () => {
		expect(matches('metadata.type = "container"')).toBe(true);
		expect(matches('metadata.labels.app = "web"')).toBe(true);
		expect(matches('metadata.missing.deeper = "x"')).toBe(false);
	});

	it('[*] matches when any element does, and != when none does', () => {
		expect(matches('exes[*] = "/bin/sh"')).toBe(true);
		expect(matches('exes[*] ~= "*python*"')).toBe(true);
		expect(matches('exes[*] = "/bin/bash"')).toBe(false);
		expect(matches('exes[*] != "/bin/bash"')).toBe(true);
		expect(matches('exes[*] != "/bin/sh"')).toBe(false);
		expect(matches('containers[*].name = "sidecar"')).toBe(true);
		expect(matches('empty[*] = "x"')).toBe(false);
	});

	it('a list without [*] is not equal to one of its elements', () => {
		expect(matches('exes = "/bin/sh"')).toBe(false);
	});

	it(':keys[*] and :vals[*] look into a map', () => {
		expect(matches("metadata.labels:keys[*] = 'tier'")).toBe(true);
		expect(matches("metadata.labels:vals[*] ~= '*ront'")).toBe(true);
		expect(matches("metadata.labels:keys[*] = 'front'")).toBe(false);
	});
});

describe('AND, OR, NOT and parentheses', () => {
	it('* alone matches everything', () => {
		expect(matches('*')).toBe(true);
		expect(matches('  *  ', {})).toBe(true);
	});

	it('AND binds tighter than OR', () => {
		// false OR (true AND false) is false; (false OR true) AND false would be too, so also check the other side.
		expect(matches('count = 1 OR count = 3 AND enabled = false')).toBe(false);
		expect(matches('count = 3 OR count = 1 AND enabled = false')).toBe(true);
		expect(matches('(count = 3 OR count = 1) AND enabled = false')).toBe(false);
	});

	it('NOT binds tighter than AND and OR', () => {
		expect(matches('NOT count = 1 AND enabled = true')).toBe(true);
		expect(matches('NOT count = 3 OR enabled = true')).toBe(true);
		expect(matches('NOT (count = 3 OR enabled = false)')).toBe(false);
		expect(matches('NOT NOT count = 3')).toBe(true);
	});

	it('keywords are case-insensitive', () => {
		expect(matches('count = 3 and not enabled = false or id = "x"')).toBe(true);
	});

	it('parentheses nest', () => {
		expect(matches('((count = 3) AND (metadata.type = "container" OR (id = "none")))')).toBe(true);
	});

	it('reads the queries spyctl builds', () => {
		// lib.query_builder: a name-or-uid clause with a leading space, then filters.
		expect(matches(' (policy_name ~= "web*" OR policy_uid ~= "web*" OR id ~= "web*")')).toBe(true);
		expect(matches(' (policy_name ~= "*api*" OR policy_uid ~= "*api*" OR id ~= "*api*") AND policy_uid = "pol:abc"')).toBe(false);
		expect(matches("NOT policy_name ~= '*back*'")).toBe(true);
		expect(matches("NOT exes[*] != '/bin/sh'")).toBe(true);
		expect(matches("(exes[*] = '/bin/zsh' OR exes[*] = '/bin/sh')")).toBe(true);
		expect(matches('policy_uid = "pol:abc"')).toBe(true);
	});
});

describe('syntax errors name the column', () => {
	it.each([
		['', 1, 'the query is empty'],
		['policy_uid = ', 14, 'expected a value'],
		['policy_uid "x"', 12, 'expected an operator'],
		['a = "x" b = "y"', 9, "expected AND or OR, found 'b'"],
		['(a = 1', 7, "expected ')' to close the '(' at column 1"],
		['a = 1)', 6, "unexpected ')'"],
		['a = "open', 5, 'unterminated string'],
		['a # 1', 3, "unexpected character '#'"],
		['a[0] = 1', 2, 'only [*]'],
		['a.b. = 1', 5, 'expected a field name'],
		['a:size = 1', 2, 'use :keys or :vals'],
		['AND a = 1', 1, 'expected a field name, found AND'],
		['a = 1 AND', 10, 'expected a field name, found the end of the query'],
		['a ~= 5', 6, 'needs a quoted glob'],
		["ip << 'nope'", 7, 'needs a quoted subnet'],
		['a = *', 5, "found '*'"],
		['a = 1 OR *', 10, "expected a field name, found '*'"],
	])('%j', (query, column, words) => {
		const error = syntaxError(query);
		expect(error.column).toBe(column);
		expect(error.message).toContain(words);
		expect(error.message).toContain(`at column ${column}`);
	});
});
