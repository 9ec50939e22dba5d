import {Box, Text} from 'ink';
import {allRows, detailCursorIndex, detailView, filteredRows, filterError, flashLines, layoutOf, listedAt, overlayLines, selectedIndex, selectedRow, tableKind} from '../derive.js';
import {dialogView} from '../dialog-view.js';
import {headerParts} from '../header-line.js';
import {hintsFor} from '../hints.js';
import type {Row} from '../server-rows.js';
import type {State} from '../store.js';
import {span, type Span} from '../tone.js';
import {CommandLine} from './command-line.js';
import {DetailPane} from './detail-pane.js';
import {DiffPanel} from './diff-panel.js';
import {diffLines, diffSummary} from '../diff-screen/derive-diff.js';
import {DialogBox} from './dialog-box.js';
import {FilterBar} from './filter-bar.js';
import {FlashLine} from './flash-line.js';
import {Header} from './header.js';
import {logsGeometry} from '../logs/layout.js';
import {LogsPanel} from '../logs/logs-panel.js';
import {LogsScreen} from '../logs/logs-screen.js';
import {HintBar} from './hint-bar.js';
import {Panel} from './panel.js';
import {PolicyTable} from './policy-table.js';
import {ScrollLines} from './scroll-lines.js';

/** The whole frame for one state. It reads the state; it never changes it. */
export function Screen({state}: {state: State}) {
	if (state.logs?.fullscreen && !state.dialog && !state.overlay) return <LogsScreen state={state} logs={state.logs} />;
	const layout = layoutOf(state);
	const all = allRows(state);
	const rows = filteredRows(state);
	const selected = selectedIndex(state);
	const row = selectedRow(state);
	const body =
		layout.arrangement === 'side-by-side'
			? {width: layout.frame.width, height: layout.list.height}
			: {width: layout.frame.width, height: layout.list.height + layout.detail.height};
	const detail = detailView(state);
	const policies = all.filter(entry => entry.kind !== 'file').length;
	const counts = {policies, invalidFiles: state.scan?.invalidFiles ?? 0, drafts: state.drafts.size};

	// Rows only: lines are cut to width by their own Text, and clipping columns costs a slice of every line per frame.
	return (
		<Box flexDirection="column" width={layout.frame.width} height={layout.frame.height} overflowY="hidden">
			<Header parts={headerParts(state, counts)} width={layout.frame.width} />
			{state.prompt ? (
				<CommandLine text={state.prompt.text} />
			) : layout.filterBar ? (
				<FilterBar text={state.filter.text} editing={state.filter.editing} error={filterError(state)} matched={rows.length} total={all.length} />
			) : null}
			{state.dialog ? (
				// The box keeps the body's height, so a short dialog leaves the flash and hint lines at the bottom.
				<Box height={body.height} flexDirection="column">
					<DialogBox
						view={dialogView(state)}
						choice={'choice' in state.dialog ? state.dialog.choice : 0}
						top={state.dialog.top}
						height={layout.dialogRows}
						width={body.width}
						panelHeight={body.height}
					/>
				</Box>
			) : state.overlay ? (
				<Panel width={body.width} height={body.height} title={overlayTitle(state, row)} footer={scrollPosition(state.overlay.top, layout.overlayRows, overlayLines(state).length)} focused>
					<ScrollLines lines={overlayLines(state)} top={state.overlay.top} height={layout.overlayRows} />
				</Panel>
			) : state.diff ? (
				<DiffPanel
					screen={state.diff}
					lines={diffLines(state)}
					summary={diffSummary(state)}
					loading={state.task?.kind === 'diff'}
					width={body.width}
					height={body.height}
					rows={layout.overlayRows - 1}
				/>
			) : state.logs ? (
				<LogsPanel logs={state.logs} geometry={logsGeometry(state)} />
			) : (
				<Box flexDirection={layout.arrangement === 'side-by-side' ? 'row' : 'column'}>
					<Panel width={layout.list.width} height={layout.list.height} title={listTitle(state, rows.length, all.length)} footer={rows.length > 0 ? `${selected + 1}/${rows.length}` : undefined} focused={state.focus === 'list'}>
						<PolicyTable
							rows={rows}
							allRows={all}
							kind={tableKind(state)}
							now={listedAt(state)}
							selected={selected}
							top={state.list.top}
							height={layout.listRows}
							width={layout.list.width - 4}
							focused={state.focus === 'list'}
							emptyText={emptyListText(state)}
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
			<FlashLine lines={flashLines(state)} />
			<HintBar hints={hintsFor(state)} width={layout.frame.width} />
		</Box>
	);
}

function listTitle(state: State, shown: number, total: number): Span[] {
	const title = [span('Policies', 'heading'), span(` ${shown === total ? total : `${shown} of ${total}`}`, 'muted')];
	return state.typeFilter === undefined ? title : [...title, span(`  type ${state.typeFilter}`, 'accent')];
}

function overlayTitle(state: State, row: Row | undefined): Span[] {
	if (state.overlay?.kind === 'help') return [span('Keys', 'heading')];
	if (!row || row.kind === 'file') return [span('YAML', 'heading')];
	const draft = row.kind === 'server' && row.draft ? [span('  draft, not applied', 'warn')] : [];
	return [span(row.name, 'name'), span('  YAML', 'heading'), ...draft];
}

function detailTitle(row: Row | undefined): Span[] {
	if (!row) return [span('Details', 'heading')];
	if (row.kind === 'file') return [span(row.file, 'error'), span('  cannot be listed', 'muted')];
	const title = [span(row.name, 'name'), span('  '), span(row.status, `status:${row.status}`)];
	if (row.kind === 'server') {
		if (row.stale) return [...title, span('  draft: the server has a newer version', 'error')];
		return row.draft ? [...title, span('  draft, not applied', 'warn')] : title;
	}
	return row.problems.length > 0 ? [...title, span('  invalid', 'error')] : title;
}

function emptyListText(state: State): string {
	const loading = state.load.phase === 'loading';
	if (state.origin.kind === 'api') {
		if (!state.listing) return state.connection.phase === 'offline' ? `not connected: ${state.connection.lastError ?? ''}` : 'connecting to the API…';
		if (state.filter.text !== '') return `no policy matches /${state.filter.text}/ (esc clears the filter)`;
		if (state.typeFilter !== undefined) return `no ${state.typeFilter} policies (:type alone lists every type)`;
		return state.origin.readOnly ? 'no policies yet' : 'no policies yet: press c to create one';
	}
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
