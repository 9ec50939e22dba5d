import {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {Row} from '../server-rows.js';
import {headerSpans, rowSpans, type TableKind, tableColumns} from '../table-columns.js';
import {useTheme} from '../theme.js';
import {SpanLine} from './spans.js';

type PolicyTableProps = {
	/** Every row after filtering; only `height` of them, from `top`, are rendered. */
	rows: readonly Row[];
	/** Rows before filtering, so column widths do not jump while typing a filter. */
	allRows: readonly Row[];
	kind: TableKind;
	/** When the rows were listed, in epoch seconds: AGE counts from it. */
	now: number;
	selected: number;
	top: number;
	height: number;
	width: number;
	focused: boolean;
	/** Shown instead of rows when there are none. */
	emptyText: string;
};

export function PolicyTable({rows, allRows, kind, now, selected, top, height, width, focused, emptyText}: PolicyTableProps) {
	const theme = useTheme();
	const table = useMemo(() => tableColumns(allRows, width, kind, now), [allRows, width, kind, now]);
	// Ink lays out every rendered row on every update, so only the visible window is rendered.
	const visible = rows.slice(top, top + height);
	return (
		<Box flexDirection="column">
			<SpanLine spans={headerSpans(table)} />
			{visible.length === 0 ? (
				<Text wrap="wrap" {...theme.tone('muted')}>
					{emptyText}
				</Text>
			) : (
				visible.map((row, offset) => {
					const isSelected = top + offset === selected;
					const style = isSelected ? (focused ? theme.cursor : theme.selection) : undefined;
					return <SpanLine key={row.id} spans={rowSpans(row, table)} {...(style ? {style} : {})} />;
				})
			)}
		</Box>
	);
}
