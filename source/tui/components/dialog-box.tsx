import {Box, Text} from 'ink';
import {type DialogView, selectRows} from '../dialog-view.js';
import {useTheme} from '../theme.js';
import {Panel} from './panel.js';
import {ScrollLines} from './scroll-lines.js';
import {SelectList} from './select-list.js';

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

/**
 * A dialog in place of the panels: scrolling lines and the buttons (or the
 * typed text, or what it is waiting for) below them; or fixed lines above a
 * list, which needs no buttons: enter picks from it.
 */
export function DialogBox({view, choice, top, height, width, panelHeight}: DialogBoxProps) {
	const select = view.select;
	if (select) {
		const listRows = Math.min(selectRows(view, height), select.items.length);
		const lineRows = Math.min(height - listRows, view.lines.length);
		const position = select.items.length > listRows ? `${select.cursor + 1} of ${select.items.length}` : undefined;
		return (
			<Panel width={width} height={Math.min(panelHeight, lineRows + listRows + chromeRows - 2)} title={view.title} focused {...(position ? {footer: position} : {})}>
				<Box height={lineRows} flexDirection="column">
					<ScrollLines lines={view.lines} top={0} height={lineRows} />
				</Box>
				<Box height={listRows} flexDirection="column">
					<SelectList items={select.items} cursor={select.cursor} top={top} height={listRows} />
				</Box>
			</Panel>
		);
	}
	const position = view.lines.length > height ? `${top + 1}-${Math.min(view.lines.length, top + height)} of ${view.lines.length}` : undefined;
	const rows = Math.min(height, view.lines.length);
	return (
		<Panel width={width} height={Math.min(panelHeight, rows + chromeRows)} title={view.title} focused {...(position ? {footer: position} : {})}>
			<Box height={rows} flexDirection="column">
				<ScrollLines lines={view.lines} top={top} height={rows} />
			</Box>
			<Text> </Text>
			<BottomRow view={view} choice={choice} />
		</Panel>
	);
}

function BottomRow({view, choice}: {view: DialogView; choice: number}) {
	const theme = useTheme();
	if (view.busy) return <Text {...theme.tone('info')}>{view.busy}</Text>;
	if (view.input) {
		return (
			<Text wrap="truncate-end">
				<Text {...theme.tone('accent')}>{view.input.label ? `${view.input.label} > ` : '> '}</Text>
				<Text {...theme.tone(view.input.tone)}>{view.input.text}</Text>
				<Text inverse> </Text>
				<Text {...theme.tone('muted')}>{view.input.note}</Text>
			</Text>
		);
	}
	return (
		<Text wrap="truncate-end">
			{view.buttons.map((label, index) => (
				<Text key={label} {...(index === choice ? theme.cursor : theme.tone(index === 0 ? 'plain' : 'accent'))}>
					{index > 0 ? '  ' : ''}
					{`[ ${label} ]`}
				</Text>
			))}
		</Text>
	);
}
