import {describe, expect, test} from 'vitest';
import {headerSpans, naturalTableWidth, rowSpans, tableColumns} from '../../source/tui/table-columns.js';
import {fileRow, policyRow, spansText} from './rows.js';

const rows = [policyRow('payments-api'), policyRow('legacy-reporting-cron', {enabled: false}), fileRow('drafts/broken.yaml', 'bad')];

describe('tableColumns', () => {
	test('every row is exactly as wide as the table', () => {
		for (const width of [40, 60, 76, 96, 140]) {
			const table = tableColumns(rows, width);
			for (const row of rows) expect([...spansText(rowSpans(row, table))].length, `width ${width}`).toBe(width);
			expect([...spansText(headerSpans(table))].length).toBe(width);
		}
	});

	test('all columns when there is room, none cut', () => {
		const table = tableColumns(rows, naturalTableWidth(rows));
		expect(table.map(column => column.title)).toEqual(['NAME', 'STATUS', 'TYPE', 'MODE', 'FILE']);
		expect(spansText(rowSpans(rows[1]!, table))).toBe('  legacy-reporting-cron  Disabled  container  audit  legacy-reporting-cron.yaml');
	});

	test('narrow tables cut NAME and FILE with an ellipsis, then drop MODE and TYPE', () => {
		expect(tableColumns(rows, 60).map(column => column.title)).toEqual(['NAME', 'STATUS', 'TYPE', 'MODE', 'FILE']);
		expect(spansText(rowSpans(rows[1]!, tableColumns(rows, 60)))).toContain('legacy-reporting…');
		expect(tableColumns(rows, 50).map(column => column.title)).toEqual(['NAME', 'STATUS', 'TYPE', 'FILE']);
		expect(tableColumns(rows, 40).map(column => column.title)).toEqual(['NAME', 'STATUS', 'FILE']);
	});

	test('rows with problems are marked, and their status is Invalid', () => {
		const table = tableColumns(rows, 80);
		const broken = rowSpans(rows[2]!, table);
		expect(spansText(broken)).toMatch(/^✗ \(unreadable file\) +Invalid +- +- +drafts\/broken\.yaml/);
		expect(broken.find(part => part.text.startsWith('Invalid'))?.tone).toBe('status:Invalid');
		expect(rowSpans(rows[0]!, table).find(part => part.text.startsWith('Auditing'))?.tone).toBe('status:Auditing');
	});
});
