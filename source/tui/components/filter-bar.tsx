import {Text} from 'ink';
import {useTheme} from '../theme.js';

type FilterBarProps = {
	text: string;
	editing: boolean;
	error?: string;
	matched: number;
	total: number;
};

export function FilterBar({text, editing, error, matched, total}: FilterBarProps) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text {...theme.tone('accent')}>/</Text>
			<Text>{text}</Text>
			{editing ? <Text inverse> </Text> : null}
			<Text {...theme.tone('muted')}>{`  ${matched} of ${total}`}</Text>
			{error ? <Text {...theme.tone('error')}>{`  ${error}; matching it as plain text`}</Text> : null}
			{!editing && !error ? <Text {...theme.tone('muted')}>{'  (esc clears)'}</Text> : null}
		</Text>
	);
}
