import {Box} from 'ink';
import {FlashLine} from '../components/flash-line.js';
import {flashLines, layoutOf} from '../derive.js';
import type {State} from '../store.js';
import {logsGeometry} from './layout.js';
import {LogsPanel} from './logs-panel.js';

/** Fullscreen logs (f): the events take the whole frame; messages still show under them. */
export function LogsScreen({state, logs}: {state: State; logs: NonNullable<State['logs']>}) {
	const layout = layoutOf(state);
	return (
		<Box flexDirection="column" width={layout.frame.width} height={layout.frame.height} overflowY="hidden">
			<LogsPanel logs={logs} geometry={logsGeometry(state)} />
			<FlashLine lines={flashLines(state)} />
		</Box>
	);
}
