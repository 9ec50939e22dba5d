import {describe, expect, test} from 'vitest';
import {computeLayout, panelChrome} from '../../source/tui/layout.js';

describe('computeLayout', () => {
	test('80x24 stacks the panels and fills every row but the last', () => {
		const layout = computeLayout({columns: 80, rows: 24}, {filterBar: false});
		expect(layout.arrangement).toBe('stacked');
		expect(layout.frame).toEqual({width: 80, height: 23});
		// Header, flash line and hint bar take three rows.
		expect(layout.list.height + layout.detail.height).toBe(20);
		expect(layout.list.width).toBe(80);
		expect(layout.listRows).toBeGreaterThanOrEqual(5);
		expect(layout.detailRows).toBeGreaterThanOrEqual(8);
	});

	test('from 120 columns the panels sit side by side, the list as wide as its table wants', () => {
		const layout = computeLayout({columns: 200, rows: 50}, {filterBar: false, tableWidth: 80});
		expect(layout.arrangement).toBe('side-by-side');
		expect(layout.list).toEqual({width: 80 + panelChrome.columns, height: 46});
		expect(layout.list.width + layout.detail.width).toBe(200);
		expect(computeLayout({columns: 119, rows: 50}, {filterBar: false}).arrangement).toBe('stacked');
	});

	test('the list never takes more than half of a wide screen, nor less than 50 columns', () => {
		expect(computeLayout({columns: 120, rows: 40}, {filterBar: false, tableWidth: 150}).list.width).toBe(60);
		expect(computeLayout({columns: 200, rows: 40}, {filterBar: false, tableWidth: 10}).list.width).toBe(50);
	});

	test('the filter line takes one row from the panels', () => {
		const without = computeLayout({columns: 80, rows: 24}, {filterBar: false});
		const withBar = computeLayout({columns: 80, rows: 24}, {filterBar: true});
		expect(withBar.list.height + withBar.detail.height).toBe(without.list.height + without.detail.height - 1);
	});

	test('a tiny terminal still gets panels with room for a row', () => {
		const layout = computeLayout({columns: 10, rows: 5}, {filterBar: true});
		expect(layout.listRows).toBeGreaterThanOrEqual(1);
		expect(layout.detailRows).toBeGreaterThanOrEqual(1);
	});
});
