import {Text} from 'ink';
import {useTheme} from '../theme.js';

/** The `:` line: what is typed, with a cursor, and what it can say. */
export function CommandLine({text}: {text: string}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			<Text {...theme.tone('accent')}>:</Text>
			<Text>{text}</Text>
			<Text inverse> </Text>
			{text === '' ? <Text {...theme.tone('muted')}>{'  ctx NAME · type TYPE · q   (tab completes)'}</Text> : null}
		</Text>
	);
}
