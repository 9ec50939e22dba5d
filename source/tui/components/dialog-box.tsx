import {Box, Text} from 'ink';
import type {DialogView} from '../dialog-view.js';
import {useTheme} from '../theme.js';
import {Panel} from './panel.js';
import {ScrollLines} from './scroll-lines.js';

type DialogBoxProps = {
	view: DialogView;
	/** The focused button. */
	choice: number;
	top: number;
	/** Most rows the scrolling lines may take; the button row and a blank line come after them. */
	height: number;
	width: number;
	/** Most rows the whole dialog may take; a short dialog takes only what it needs. */
	panelHeight: number;
};

/** The rows around the scrolling lines: two borders, a blank line and the buttons. */
const chromeRows = 4;

/** A dialog in place of the panels: scrolling lines, then the buttons (or the typed text, or what it is waiting for). */
export function DialogBox({view, choice, top, height, width, panelHeight}: DialogBoxProps) {
	const theme = useTheme();
	const position = view.lines.length > height ? `${top + 1}-${Math.min(view.lines.length, top + height)} of ${view.lines.length}` : undefined;
	const rows = Math.min(height, view.lines.length);
	return (
		<Panel width={width} height={Math.min(panelHeight, rows + chromeRows)} title={view.title} focused {...(position ? {footer: position} : {})}>
			<Box height={rows} flexDirection="column">
				<ScrollLines lines={view.lines} top={top} height={rows} />
			</Box>
			<Text> </Text>
			{view.busy ? (
				<Text {...theme.tone('info')}>{view.busy}</Text>
			) : view.input ? (
				<Text wrap="truncate-end">
					<Text {...theme.tone('accent')}>{'> '}</Text>
					<Text {...theme.tone(view.input.matches ? 'success' : 'plain')}>{view.input.text}</Text>
					<Text inverse> </Text>
					<Text {...theme.tone('muted')}>{view.input.matches ? '  enter deletes' : ''}</Text>
				</Text>
			) : (
				<Text wrap="truncate-end">
					{view.buttons.map((label, index) => (
						<Text key={label} {...(index === choice ? theme.cursor : theme.tone(index === 0 ? 'plain' : 'accent'))}>
							{index > 0 ? '  ' : ''}
							{`[ ${label} ]`}
						</Text>
					))}
				</Text>
			)}
		</Panel>
	);
}
