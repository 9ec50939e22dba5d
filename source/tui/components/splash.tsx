import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useTheme} from '../theme.js';
import {terminalSize} from '../use-effects.js';

/**
 * The frame shown while the rest of the app is loaded: the header's first
 * part where the header will be. q and ctrl-c already quit.
 */
export function Splash() {
	const theme = useTheme();
	const {exit} = useApp();
	const {stdout} = useStdout();
	useInput((input, key) => {
		if (input === 'q' || (key.ctrl && input === 'c')) exit();
	});
	return (
		<Box width={terminalSize(stdout).columns}>
			<Text wrap="truncate-end">
				<Text {...theme.tone('heading')}>spytui</Text>
				<Text {...theme.tone('muted')}>{'  ◌ starting…'}</Text>
			</Text>
		</Box>
	);
}
