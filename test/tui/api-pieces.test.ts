import {describe, expect, test} from 'vitest';
import type {ServerPolicy} from '../../source/api/policy-records.js';
import {startOrExtendDraft, toggleMode} from '../../source/operations/drafts.js';
import {diffText} from '../../source/policy/diff/line-diff.js';
import {changeRows, diffSpans} from '../../source/tui/diff-spans.js';
import {fitParts} from '../../source/tui/header-line.js';
import {formatAge, serverRow} from '../../source/tui/server-rows.js';
import {headerSpans, rowSpans, tableColumns} from '../../source/tui/table-columns.js';
import {policyValue, spansText} from './rows.js';

function serverPolicy(name: string, version = 1): ServerPolicy {
	const value = policyValue(name) as ServerPolicy['policy'];
	return {uid: `pol:${name.padEnd(20, 'x')}`, name, type: 'container', version, tags: [], policy: {...value, metadata: {...value.metadata, uid: `pol:${name.padEnd(20, 'x')}`, version, creationTimestamp: 1000}}};
}

describe('server rows', () => {
	test('show the draft: its status and mode, a * marker, and ! once the server has moved on', () => {
		const policy = serverPolicy('alpha');
		const draft = startOrExtendDraft(undefined, policy, toggleMode, 0);
		const row = serverRow(policy, draft);
		expect(row).toMatchObject({id: policy.uid, status: 'Enforcing', mode: 'enforce', stale: false, version: 1, created: 1000});
		expect(serverRow(policy, draft)).toBe(row);
		const table = tableColumns([row], 80, 'api', 1000 + 7200);
		expect(spansText(rowSpans(row, table)).trimEnd()).toMatch(/^\* pol:alphax+ +alpha +Enforcing +container +enforce +1 +2h$/);
		const moved = serverRow(serverPolicy('alpha', 2), draft);
		expect(moved.stale).toBe(true);
		expect(spansText(rowSpans(moved, table)).startsWith('! ')).toBe(true);
	});

	test('the API table drops UID first when narrow, and every row fills the width', () => {
		const rows = [serverRow(serverPolicy('alpha'), undefined), serverRow(serverPolicy('a-much-longer-policy-name'), undefined)];
		expect(tableColumns(rows, 120, 'api').map(column => column.title)).toEqual(['UID', 'NAME', 'STATUS', 'TYPE', 'MODE', 'VERSION', 'AGE']);
		expect(tableColumns(rows, 76, 'api').map(column => column.title)).toEqual(['NAME', 'STATUS', 'TYPE', 'MODE', 'VERSION', 'AGE']);
		expect(tableColumns(rows, 50, 'api').map(column => column.title)).toEqual(['NAME', 'STATUS', 'MODE']);
		for (const width of [50, 76, 120]) {
			const table = tableColumns(rows, width, 'api');
			for (const row of rows) expect([...spansText(rowSpans(row, table))].length, `width ${width}`).toBe(width);
			expect([...spansText(headerSpans(table))].length).toBe(width);
		}
	});

	test('AGE reads as kubectl writes it', () => {
		expect([0, 59, 60, 3599, 3600, 86_399, 86_400, 10 * 86_400].map(seconds => formatAge(seconds))).toEqual(['0s', '59s', '1m', '59m', '1h', '23h', '1d', '10d']);
	});
});

describe('the dialog diff', () => {
	test('a value changed in place is one yellow ~ line; added and removed lines keep + and -', () => {
		const lines = diffText('a: 1\nmode: audit\nkeep: x\ngone: y\n', 'a: 1\nmode: enforce\nkeep: x\nnew: z\n');
		const spans = diffSpans(changeRows(lines, 0));
		expect(spans.map(line => spansText(line))).toEqual(['  … 1 unchanged line', '~ mode: audit → enforce', '  … 1 unchanged line', '- gone: y', '+ new: z']);
		expect(spans[1]?.[0]?.tone).toBe('warn');
		expect(spans[3]?.[0]?.tone).toBe('error');
		expect(spans[4]?.[0]?.tone).toBe('success');
	});

	test('changes keep a few lines of context; the rest folds into gaps', () => {
		const before = Array.from({length: 20}, (_, index) => `line${index}: ${index}`).join('\n');
		const after = before.replace('line10: 10', 'line10: ten');
		const texts = diffSpans(changeRows(diffText(before, after))).map(line => spansText(line));
		expect(texts).toEqual(['  … 7 unchanged lines', '  line7: 7', '  line8: 8', '  line9: 9', '~ line10: 10 → ten', '  line11: 11', '  line12: 12', '  line13: 13', '  … 6 unchanged lines']);
	});
});

describe('the header', () => {
	test('parts that may shrink give up columns in the middle, from the last, so the counts stay', () => {
		const parts = [
			{text: 'spytui'},
			{text: 'context a-very-long-context-name-indeed', shrink: true},
			{text: 'org some-organization-with-a-long-name', shrink: true, keep: 4},
			{text: '● ok'},
			{text: '12 policies'},
		];
		const fitted = fitParts(parts, 80);
		const line = fitted.map(part => part.text).join('  ');
		expect([...line].length).toBeLessThanOrEqual(80);
		expect(line).toBe('spytui  context a-very-lon…ontext-name-indeed  org some-…name  ● ok  12 policies');
		expect(fitParts(parts, 200)).toEqual(parts);
	});
});
