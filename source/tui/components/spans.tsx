import {memo} from 'react';
import {Text} from 'ink';
import {type TextStyle, useTheme} from '../theme.js';
import type {Span} from '../tone.js';
import {styledText} from './styled-text.js';

type SpanLineProps = {spans: readonly Span[]; style?: TextStyle};

/**
 * One line of toned spans, cut at the edge rather than wrapped. It is one
 * Text whose spans carry their own colour codes: a Text per span made a log
 * screen five times the React and Ink nodes, all redrawn by a key like t.
 */
function SpanLineView({spans, style}: SpanLineProps) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end" {...style}>
			{spans.map(part => styledText(part.text, theme.tone(part.tone))).join('')}
		</Text>
	);
}

/**
 * Lines are rebuilt as new arrays on every frame, but a keypress changes few
 * of them: comparing contents lets React skip the rest.
 */
export const SpanLine = memo(SpanLineView, (before, after) => sameSpans(before.spans, after.spans) && sameStyle(before.style, after.style));

function sameSpans(left: readonly Span[], right: readonly Span[]): boolean {
	if (left === right) return true;
	if (left.length !== right.length) return false;
	return left.every((part, index) => part.text === right[index]!.text && part.tone === right[index]!.tone);
}

function sameStyle(left: TextStyle | undefined, right: TextStyle | undefined): boolean {
	if (left === right) return true;
	if (!left || !right) return false;
	const keys = Object.keys(left) as Array<keyof TextStyle>;
	return keys.length === Object.keys(right).length && keys.every(key => left[key] === right[key]);
}
