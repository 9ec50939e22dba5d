import {Text} from 'ink';
import {type TextStyle, useTheme} from '../theme.js';
import type {Span} from '../tone.js';

/** One line of toned spans, cut at the edge rather than wrapped. */
export function SpanLine({spans, style}: {spans: readonly Span[]; style?: TextStyle}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end" {...style}>
			{spans.map((part, index) => (
				// Spans of one line never move, so their position is a stable key.
				<Text key={index} {...theme.tone(part.tone)}>
					{part.text}
				</Text>
			))}
		</Text>
	);
}
