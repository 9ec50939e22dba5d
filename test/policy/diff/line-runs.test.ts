import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {type LineRun, lineRuns} from '../../../source/policy/diff/line-runs.js';

function sides(runs: LineRun[]): {before: string[]; after: string[]} {
	return {
		before: runs.filter(run => run.kind !== 'added').flatMap(run => run.lines),
		after: runs.filter(run => run.kind !== 'removed').flatMap(run => run.lines),
	};
}

describe('lineRuns', () => {
	test('the runs rebuild both texts, and no two neighbours are of one kind (property)', () => {
		const text = fc.array(fc.constantFrom('a', 'b', 'c', '  id: x_0', '  id: y_0', '- /bin/sh', 'children:'), {maxLength: 40});
		fc.assert(
			fc.property(text, text, (before, after) => {
				const runs = lineRuns(before, after);
				expect(sides(runs)).toEqual({before, after});
				expect(runs.every((run, index) => index === 0 || run.kind !== runs[index - 1]!.kind)).toBe(true);
				expect(runs.every(run => run.lines.length > 0)).toBe(true);
			}),
		);
	});

	test('unique lines anchor the match, so a moved block is a removal and an addition', () => {
		const before = ['- name: a', '  id: a_0', '- name: b', '  id: b_0', '- name: c', '  id: c_0'];
		const after = ['- name: b', '  id: b_0', '- name: c', '  id: c_0', '- name: a', '  id: a_0'];
		const runs = lineRuns(before, after);
		expect(runs).toEqual([
			{kind: 'removed', lines: ['- name: a', '  id: a_0']},
			{kind: 'same', lines: ['- name: b', '  id: b_0', '- name: c', '  id: c_0']},
			{kind: 'added', lines: ['- name: a', '  id: a_0']},
		]);
	});

	test('between anchors, repeated lines are matched too', () => {
		const runs = lineRuns(['start', 'exe:', '- /bin/sh', 'end'], ['start', 'exe:', '- /bin/sh', '- /bin/bash', 'end']);
		expect(runs).toEqual([
			{kind: 'same', lines: ['start', 'exe:', '- /bin/sh']},
			{kind: 'added', lines: ['- /bin/bash']},
			{kind: 'same', lines: ['end']},
		]);
	});

	test('an item added before an equal-looking one is shown whole, not as the end of one item and the start of the next', () => {
		const item = (name: string) => ['  - dnsSelector:', `    - ${name}`];
		const before = ['  to:', ...item('backups.s3.example.com'), 'ingress:'];
		const after = ['  to:', ...item('backups-dr.s3.example.com'), ...item('backups.s3.example.com'), 'ingress:'];
		expect(lineRuns(before, after)).toEqual([
			{kind: 'same', lines: ['  to:']},
			{kind: 'added', lines: item('backups-dr.s3.example.com')},
			{kind: 'same', lines: [...item('backups.s3.example.com'), 'ingress:']},
		]);
		expect(lineRuns(after, before)).toEqual([
			{kind: 'same', lines: ['  to:']},
			{kind: 'removed', lines: item('backups-dr.s3.example.com')},
			{kind: 'same', lines: [...item('backups.s3.example.com'), 'ingress:']},
		]);
	});

	test('an item added at the very end slides up to be whole as well', () => {
		expect(lineRuns(['exe:', '- /bin/sh'], ['exe:', '- /bin/sh', '  args: y', '- /bin/sh'])).toEqual([
			{kind: 'same', lines: ['exe:']},
			{kind: 'added', lines: ['- /bin/sh', '  args: y']},
			{kind: 'same', lines: ['- /bin/sh']},
		]);
	});

	test('two unrelated long texts give a correct diff, as one replaced stretch', () => {
		const before = Array.from({length: 6000}, (_, index) => (index % 3 === 0 ? 'exe:' : `  id: old_${index}`));
		const after = Array.from({length: 6000}, (_, index) => (index % 3 === 0 ? 'exe:' : `  id: new_${index}`));
		const runs = lineRuns(before, after);
		expect(sides(runs)).toEqual({before, after});
		expect(runs.map(run => `${run.kind} ${run.lines.length}`)).toEqual(['same 1', 'removed 5999', 'added 5999']);
	});
});
