import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {textWidth, truncateSpans} from '../text.js';
import {useTheme} from '../theme.js';
import type {Span} from '../tone.js';
import {SpanLine} from './spans.js';

type PanelProps = {
	width: number;
	height: number;
	title: readonly Span[];
	/** Right-aligned in the bottom border, e.g. a scroll position. */
	footer?: string;
	focused: boolean;
	children: ReactNode;
};

/** A rounded box with its title set into the top border, which saves a row at 80x24. */
export function Panel({width, height, title, footer, focused, children}: PanelProps) {
	const theme = useTheme();
	const border = focused ? theme.border.focused : theme.border.idle;
	const inner = Math.max(0, width - 2);
	const titleSpans = truncateSpans(title, Math.max(0, inner - 4));
	const titleWidth = titleSpans.reduce((sum, part) => sum + textWidth(part.text), 0);
	const topRule = '─'.repeat(Math.max(0, inner - titleWidth - 3));
	const footerText = footer === undefined ? '' : ` ${footer} `;
	const bottomRule = '─'.repeat(Math.max(0, inner - textWidth(footerText) - 1));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate-end">
				<Text {...border}>{'╭─ '}</Text>
				<SpanLine spans={titleSpans} style={focused ? {bold: true} : {}} />
				<Text {...border}>{` ${topRule}╮`}</Text>
			</Text>
			<Box
				flexDirection="column"
				width={width}
				height={Math.max(0, height - 2)}
				borderStyle="round"
				borderTop={false}
				borderBottom={false}
				borderColor={border.color}
				borderDimColor={border.dimColor}
				paddingX={1}
				// Every line is cut to the width by its own Text (truncate-end). Clipping columns here
				// as well made Ink slice the colour codes of every line on every frame.
				overflowY="hidden"
			>
				{children}
			</Box>
			<Text wrap="truncate-end" {...border}>
				{`╰${bottomRule}`}
				<Text {...theme.tone('muted')}>{footerText}</Text>
				{'─╯'}
			</Text>
		</Box>
	);
}
