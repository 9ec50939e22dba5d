import {Text} from 'ink';
import {fitHints, type Hint, hintSeparator} from '../hints.js';
import {useTheme} from '../theme.js';

export function HintBar({hints, width}: {hints: readonly Hint[]; width: number}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{fitHints(hints, width).map((hint, index) => (
				<Text key={hint.label}>
					{index > 0 ? hintSeparator : ''}
					<Text {...theme.tone('accent')}>{hint.keys}</Text>
					<Text {...theme.tone('muted')}>{` ${hint.label}`}</Text>
				</Text>
			))}
		</Text>
	);
}
