import {Box} from 'ink';
import type {Span} from '../tone.js';
import {SpanLine} from './spans.js';

/** The `height` lines from `top`: only the visible window is rendered. */
export function ScrollLines({lines, top, height}: {lines: readonly Span[][]; top: number; height: number}) {
	return (
		<Box flexDirection="column">
			{lines.slice(top, top + height).map((spans, offset) => (
				<SpanLine key={top + offset} spans={spans.length === 0 ? [{text: ' '}] : spans} />
			))}
		</Box>
	);
}
