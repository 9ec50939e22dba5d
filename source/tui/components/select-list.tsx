import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {SelectItem} from '../dialog-view.js';
import {useTheme} from '../theme.js';

type SelectListProps = {
	items: readonly SelectItem[];
	cursor: number;
	/** The first item shown. */
	top: number;
	height: number;
};

/**
 * ink-select-input draws the list; the reducer owns the cursor. Keys reach
 * the app through its one keymap (ink-select-input's own handler would read a
 * stale index when keys arrive together, and its digit keys pick at once),
 * so the list is never focused: it is remounted whenever the window or the
 * cursor moves, with the cursor as its initial index.
 */
export function SelectList({items, cursor, top, height}: SelectListProps) {
	const shown = items.slice(top, top + height);
	const key = `${cursor}\n${shown.map(item => item.value).join('\n')}`;
	return <SelectInput key={key} items={[...shown]} initialIndex={cursor - top} isFocused={false} indicatorComponent={Indicator} itemComponent={Item} />;
}

function Indicator({isSelected = false}: {isSelected?: boolean}) {
	const theme = useTheme();
	return <Text {...theme.tone('accent')}>{isSelected ? '❯ ' : '  '}</Text>;
}

function Item({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	const theme = useTheme();
	return (
		<Box flexGrow={1}>
			<Text wrap="truncate-end" {...(isSelected ? theme.cursor : {})}>
				{label}
			</Text>
		</Box>
	);
}
