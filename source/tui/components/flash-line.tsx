import {Text} from 'ink';
import type {Flash} from '../store.js';
import {useTheme} from '../theme.js';

const marks = {info: 'ℹ', warn: '!', error: '✗'} as const;

/** One line for messages; it stays (blank) when there is none, so the layout never jumps. */
export function FlashLine({flash}: {flash?: Flash}) {
	const theme = useTheme();
	if (!flash) return <Text> </Text>;
	return (
		<Text wrap="truncate-end" {...theme.tone(flash.level)}>
			{`${marks[flash.level]} ${flash.text}`}
		</Text>
	);
}
