import {Box, Text} from 'ink';
import {Panel} from '../components/panel.js';
import {SpanLine} from '../components/spans.js';
import {remember} from '../remember.js';
import {useTheme} from '../theme.js';
import type {LogEntry} from './entry.js';
import type {LogsGeometry} from './layout.js';
import {cursorIndex, panelView} from './panel-view.js';
import {emptyText, indicatorSpans, inputSpans, panelTitle, plural} from './panel-text.js';
import type {Pattern} from './pattern.js';
import type {Ring} from './ring.js';
import {matchCount} from './search-moves.js';
import type {LogsState} from './state.js';
import {type AppliedFilter, visibleList} from './visible.js';

/** A search's count changes only with the events, the filter, the search and the selection: not on every frame. */
const searchPosition = remember((ring: Ring<LogEntry>, filter: AppliedFilter | undefined, search: Pattern, cursor: number) => matchCount(visibleList(ring, filter), search, cursor));

/** The logs panel: in a border under the header, or (fullscreen) on its own. Only the rows in view are rendered. */
export function LogsPanel({logs, geometry}: {logs: LogsState; geometry: LogsGeometry}) {
	const content = <LogsContent logs={logs} geometry={geometry} />;
	if (!geometry.bordered) return content;
	const shown = visibleList(logs.ring, logs.filter).length;
	const held = logs.ring.length;
	const footer = logs.filter ? `${shown.toLocaleString('en')} of ${plural(held, 'event')}` : plural(shown, 'event');
	return (
		<Panel width={geometry.width} height={geometry.height} title={panelTitle(logs)} footer={footer} focused>
			{content}
		</Panel>
	);
}

function LogsContent({logs, geometry}: {logs: LogsState; geometry: LogsGeometry}) {
	const theme = useTheme();
	const view = panelView(logs, geometry);
	const matches = logs.search ? searchPosition(logs.ring, logs.filter, logs.search, cursorIndex(logs, view.context)) : undefined;
	return (
		<Box flexDirection="column" height={geometry.height - (geometry.bordered ? 2 : 0)}>
			<SpanLine spans={indicatorSpans(logs, matches)} />
			<Box flexDirection="column" height={geometry.rows} overflowY="hidden">
				{view.rows.length === 0 ? (
					<Text {...theme.tone('muted')}>{emptyText(logs, logs.held?.matching ?? 0)}</Text>
				) : (
					view.rows.map((row, offset) => (
						// Rows are positions in the window; the same position shows another event after scrolling.
						<SpanLine key={offset} spans={row.spans} {...(!row.json && row.entry.seq === view.cursor ? {style: theme.cursor} : {})} />
					))
				)}
			</Box>
			{logs.line ? <SpanLine spans={inputSpans(logs)} /> : null}
		</Box>
	);
}
