import {Box} from 'ink';
import type {TreeLine} from '../tree/flatten.js';
import {useTheme} from '../theme.js';
import {SpanLine} from './spans.js';

type DetailPaneProps = {
	lines: readonly TreeLine[];
	top: number;
	height: number;
	/** Index of the node under the cursor; its rows are highlighted while the pane has focus. */
	cursor: number;
	focused: boolean;
};

export function DetailPane({lines, top, height, cursor, focused}: DetailPaneProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{lines.slice(top, top + height).map((line, offset) => (
				// Rows are positions in the window; the same position shows another node after scrolling.
				<SpanLine key={offset} spans={line.spans} {...(focused && line.node === cursor ? {style: theme.cursor} : {})} />
			))}
		</Box>
	);
}
