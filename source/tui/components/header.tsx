import {Box, Text} from 'ink';
import {textWidth, truncateMiddle} from '../text.js';
import {useTheme} from '../theme.js';

type HeaderProps = {
	mode: string;
	location: string;
	loading: boolean;
	policies: number;
	invalidFiles: number;
	width: number;
};

const appName = 'spytui';
const lock = '🔒 read-only';
/** The lock emoji takes two columns. */
const lockWidth = textWidth(lock) + 1;

/**
 * App name, where the policies come from, the read-only lock and the counts.
 * A long location is shortened in the middle, so the counts always show.
 */
export function Header({mode, location, loading, policies, invalidFiles, width}: HeaderProps) {
	const theme = useTheme();
	const counts = `${policies} ${policies === 1 ? 'policy' : 'policies'}`;
	const invalid = invalidFiles > 0 ? `  ${invalidFiles} invalid file${invalidFiles === 1 ? '' : 's'}` : '';
	const reading = loading ? '  reading…' : '';
	const fixed = appName.length + 2 + mode.length + 2 + 2 + lockWidth + 2 + counts.length + invalid.length + reading.length;
	return (
		<Box width={width}>
			<Text wrap="truncate-end">
				<Text {...theme.tone('heading')}>{appName}</Text>
				<Text>{`  ${mode}: ${truncateMiddle(location, Math.max(10, width - fixed))}`}</Text>
				<Text {...theme.tone('warn')}>{`  ${lock}`}</Text>
				<Text>{`  ${counts}`}</Text>
				<Text {...theme.tone('error')}>{invalid}</Text>
				<Text {...theme.tone('muted')}>{reading}</Text>
			</Text>
		</Box>
	);
}
