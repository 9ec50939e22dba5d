import {Box} from 'ink';
import type {Span} from '../tone.js';
import {SpanLine} from './spans.js';

/** The message lines; one blank line when there is none, so the layout never jumps. */
export function FlashLine({lines}: {lines: readonly Span[][]}) {
	return (
		<Box flexDirection="column">
			{lines.map((spans, index) => (
				// Lines of one message keep their order.
				<SpanLine key={index} spans={spans} />
			))}
		</Box>
	);
}
