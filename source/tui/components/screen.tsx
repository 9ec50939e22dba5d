import {Box, Text} from 'ink';
import type {PolicySource} from '../app.js';
import {allRows, detailCursorIndex, detailView, filteredRows, filterError, layoutOf, selectedIndex, selectedRow} from '../derive.js';
import {helpLines} from '../help-content.js';
import {hintsFor} from '../hints.js';
import type {State} from '../store.js';
import {span, type Span} from '../tone.js';
import {DetailPane} from './detail-pane.js';
import {FilterBar} from './filter-bar.js';
import {FlashLine} from './flash-line.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {HintBar} from './hint-bar.js';
import {Panel} from './panel.js';
import {PolicyTable} from './policy-table.js';

/** The whole frame for one state. It reads the state; it never changes it. */
export function Screen({state, source}: {state: State; source: Pick<PolicySource, 'mode' | 'location'>}) {
	const layout = layoutOf(state);
	const all = allRows(state);
	const rows = filteredRows(state);
	const selected = selectedIndex(state);
	const row = selectedRow(state);
	const loading = state.load.phase === 'loading';
	const body =
		layout.arrangement === 'side-by-side'
			? {width: layout.frame.width, height: layout.list.height}
			: {width: layout.frame.width, height: layout.list.height + layout.detail.height};
	const lines = helpLines();
	const detail = detailView(state);

	return (
		<Box flexDirection="column" width={layout.frame.width} height={layout.frame.height} overflow="hidden">
			<Header mode={source.mode} location={source.location} loading={loading} policies={all.filter(entry => entry.kind === 'policy').length} invalidFiles={state.scan?.invalidFiles ?? 0} width={layout.frame.width} />
			{layout.filterBar ? (
				<FilterBar text={state.filter.text} editing={state.filter.editing} error={filterError(state)} matched={rows.length} total={all.length} />
			) : null}
			{state.help.open ? (
				<Panel width={body.width} height={body.height} title={[span('Keys', 'heading')]} footer={scrollPosition(state.help.top, layout.helpRows, lines.length)} focused>
					<HelpOverlay lines={lines} top={state.help.top} height={layout.helpRows} />
				</Panel>
			) : (
				<Box flexDirection={layout.arrangement === 'side-by-side' ? 'row' : 'column'}>
					<Panel
						width={layout.list.width}
						height={layout.list.height}
						title={[span('Policies', 'heading'), span(` ${rows.length === all.length ? all.length : `${rows.length} of ${all.length}`}`, 'muted')]}
						footer={rows.length > 0 ? `${selected + 1}/${rows.length}` : undefined}
						focused={state.focus === 'list'}
					>
						<PolicyTable
							rows={rows}
							allRows={all}
							selected={selected}
							top={state.list.top}
							height={layout.listRows}
							width={layout.list.width - 4}
							focused={state.focus === 'list'}
							emptyText={emptyListText(state, loading)}
						/>
					</Panel>
					<Panel
						width={layout.detail.width}
						height={layout.detail.height}
						title={detailTitle(row)}
						footer={scrollPosition(state.detail.top, layout.detailRows, detail.layout.lines.length)}
						focused={state.focus === 'detail'}
					>
						{row ? (
							<DetailPane lines={detail.layout.lines} top={state.detail.top} height={layout.detailRows} cursor={detailCursorIndex(state)} focused={state.focus === 'detail'} />
						) : (
							<Text dimColor>Select a policy to see its spec.</Text>
						)}
					</Panel>
				</Box>
			)}
			<FlashLine {...(state.flash ? {flash: state.flash} : {})} />
			<HintBar hints={hintsFor(state)} width={layout.frame.width} />
		</Box>
	);
}

function detailTitle(row: ReturnType<typeof selectedRow>): Span[] {
	if (!row) return [span('Details', 'heading')];
	if (row.kind === 'file') return [span(row.file, 'error'), span('  cannot be listed', 'muted')];
	const title = [span(row.name, 'name'), span('  '), span(row.status, `status:${row.status}`)];
	return row.problems.length > 0 ? [...title, span('  invalid', 'error')] : title;
}

function emptyListText(state: State, loading: boolean): string {
	if (loading && !state.scan) return 'reading the folder…';
	if (state.scan?.message) return `${state.scan.message}. Start spytui with --dir DIR to browse another folder.`;
	if (state.filter.text !== '') return `no policy matches /${state.filter.text}/ (esc clears the filter)`;
	return 'no policies';
}

/** `12-20 of 48` when the content is taller than its window, nothing otherwise. */
function scrollPosition(top: number, height: number, total: number): string | undefined {
	if (total <= height) return undefined;
	return `${top + 1}-${Math.min(total, top + height)} of ${total}`;
}
