import {describe, expect, test} from 'vitest';
import {scalarKeyOf} from '../../../source/policy/diff/in-place.js';
import {diffDumps, diffText} from '../../../source/policy/diff/line-diff.js';
import {toYaml} from '../../../source/policy/dump.js';
import {containerPolicy, withValue} from '../helpers.js';

describe('diffText: the line render model', () => {
	test('every line of both texts, numbered on its own side', () => {
		expect(diffText('a\nb\nc\n', 'a\nx\nc\nd\n')).toEqual([
			{kind: 'same', text: 'a', beforeLine: 1, afterLine: 1},
			{kind: 'removed', text: 'b', beforeLine: 2},
			{kind: 'added', text: 'x', afterLine: 2},
			{kind: 'same', text: 'c', beforeLine: 3, afterLine: 3},
			{kind: 'added', text: 'd', afterLine: 4},
		]);
	});

	test('trailing removed lines and texts without a final newline', () => {
		expect(diffText('a\nb', 'a')).toEqual([
			{kind: 'same', text: 'a', beforeLine: 1, afterLine: 1},
			{kind: 'removed', text: 'b', beforeLine: 2},
		]);
		expect(diffText('', '')).toEqual([]);
	});

	test('a key whose value changed in place is a marked -/+ pair, the pairs interleaved', () => {
		const lines = diffText('spec:\n  mode: audit\n  enabled: true\n', 'spec:\n  mode: enforce\n  enabled: false\n');
		expect(lines.slice(1)).toEqual([
			{kind: 'removed', text: '  mode: audit', beforeLine: 2, inPlace: true},
			{kind: 'added', text: '  mode: enforce', afterLine: 2, inPlace: true},
			{kind: 'removed', text: '  enabled: true', beforeLine: 3, inPlace: true},
			{kind: 'added', text: '  enabled: false', afterLine: 3, inPlace: true},
		]);
	});

	test('lines around an in-place pair keep their order on each side', () => {
		const lines = diffText('x:\n- /bin/a\n  port: 1\n', 'x:\n  port: 2\n- /bin/b\n');
		expect(lines.map(line => `${line.kind} ${line.text} ${line.inPlace ?? ''}`)).toEqual([
			'same x: ',
			'removed - /bin/a ',
			'removed   port: 1 true',
			'added   port: 2 true',
			'added - /bin/b ',
		]);
	});

	test('a list item or a different key is not an in-place change', () => {
		const lines = diffText('- /bin/a\nname: a\n', '- /bin/b\nid: a\n');
		expect(lines.filter(line => line.inPlace)).toEqual([]);
	});

	test('scalarKeyOf knows key: value lines from the rest', () => {
		expect(scalarKeyOf('  mode: audit')).toBe('  mode');
		expect(scalarKeyOf('  - name: sh')).toBe('  - name');
		expect(scalarKeyOf('      kubernetes.io/metadata.name: test')).toBe('      kubernetes.io/metadata.name');
		expect(scalarKeyOf('  urlDestination: https://example.com:8080/x')).toBe('  urlDestination');
		expect(scalarKeyOf('  "a b": c')).toBe('  "a b"');
		expect(scalarKeyOf('  children:')).toBeUndefined();
		expect(scalarKeyOf('  - /bin/dash')).toBeUndefined();
		expect(scalarKeyOf('  - {key: env, operator: In}')).toBeUndefined();
	});

	test('diffDumps compares the YAML spyctl would write', () => {
		const before = containerPolicy();
		const after = withValue(before, 'spec.mode', 'enforce');
		const lines = diffDumps(before, after);
		expect(lines.filter(line => line.kind === 'same').map(line => line.text)).toEqual(toYaml(before).split('\n').filter(text => text !== '' && !text.includes('mode:')));
		expect(lines.filter(line => line.kind !== 'same')).toEqual([
			{kind: 'removed', text: '  mode: audit', beforeLine: 13, inPlace: true},
			{kind: 'added', text: '  mode: enforce', afterLine: 13, inPlace: true},
		]);
	});
});
