import {Box, Text} from 'ink';
import {fitParts, headerGap, type HeaderPart} from '../header-line.js';
import {useTheme} from '../theme.js';

/** App name, where the policies come from, the connection, the read-only lock and the counts, on one line. */
export function Header({parts, width}: {parts: readonly HeaderPart[]; width: number}) {
	const theme = useTheme();
	return (
		<Box width={width}>
			<Text wrap="truncate-end">
				{fitParts(parts, width).map((part, index) => (
					// Parts keep their positions for a given source, so the index is a stable key.
					<Text key={index} {...theme.tone(part.tone)}>
						{index > 0 ? headerGap : ''}
						{part.text}
					</Text>
				))}
			</Text>
		</Box>
	);
}
