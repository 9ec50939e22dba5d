export type Cell = string | number;

/**
 * A table in the layout of Python tabulate's "plain" format, which spyctl
 * uses: two spaces between columns, each column at least two wider than its
 * header, numbers right-aligned.
 */
export function plainTable(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
	const columns = headers.map((header, index) => {
		const cells = rows.map(row => row[index] ?? '');
		const width = Math.max(header.length + 2, ...cells.map(cell => String(cell).length));
		const numeric = cells.length > 0 && cells.every(cell => typeof cell === 'number');
		return {width, numeric};
	});
	const line = (cells: readonly Cell[]) =>
		columns
			.map(({width, numeric}, index) => {
				const text = String(cells[index] ?? '');
				return numeric ? text.padStart(width) : text.padEnd(width);
			})
			.join('  ')
			.trimEnd();
	return [line(headers), ...rows.map(row => line(row))].join('\n') + '\n';
}
