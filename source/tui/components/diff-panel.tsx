import {Box} from 'ink';
import type {DisplayLine} from '../diff-screen/display-line.js';
import {type DiffScreen, sourceLabel, windowLabel} from '../diff-screen/screen-state.js';
import {useTheme} from '../theme.js';
import {span, type Span} from '../tone.js';
import {Panel} from './panel.js';
import {SpanLine} from './spans.js';

type DiffPanelProps = {
	screen: DiffScreen;
	lines: readonly DisplayLine[];
	/** `N to add, M to change, K to remove`, once the comparison is there. */
	summary: string | undefined;
	loading: boolean;
	width: number;
	height: number;
	/** Rows for the lines, below the panel's summary row. */
	rows: number;
};

/** The diff screen: a summary row, then the window of lines from `top`, the cursor's line highlighted. */
export function DiffPanel({screen, lines, summary, loading, width, height, rows}: DiffPanelProps) {
	const theme = useTheme();
	const title = [span(screen.name, 'name'), span(`  ${sourceLabel(screen.source)}`, 'heading')];
	const footer = lines.length > rows ? `${screen.top + 1}-${Math.min(lines.length, screen.top + rows)} of ${lines.length}` : undefined;
	return (
		<Panel width={width} height={height} title={title} focused {...(footer ? {footer} : {})}>
			<SpanLine spans={headerSpans(screen, summary, loading)} />
			<Box flexDirection="column">
				{lines.slice(screen.top, screen.top + rows).map((line, offset) => (
					// Rows are positions in the window; after scrolling the same row shows another line.
					<SpanLine key={offset} spans={line.spans} {...(screen.top + offset === screen.cursor ? {style: theme.cursor} : {})} />
				))}
			</Box>
		</Panel>
	);
}

function headerSpans(screen: DiffScreen, summary: string | undefined, loading: boolean): Span[] {
	if (screen.picking) {
		const {from, to, field} = screen.picking;
		return [
			span('Compare version ', 'heading'),
			span(` ${from} `, field === 'from' ? 'accent' : 'plain'),
			span(' with version ', 'heading'),
			span(` ${to} `, field === 'to' ? 'accent' : 'plain'),
			span(`  of ${screen.picking.newest} (↑↓ changes, tab switches, enter compares)`, 'muted'),
		];
	}
	if (screen.error) return [span(`✗ ${screen.error}`, 'error')];
	if (screen.source.kind === 'draft' && !summary) return [span('No draft: it was applied or undone. ', 'info'), span('w compares the policy with its deviations, v two of its versions', 'muted')];
	if (loading || !summary) return [span('comparing…', 'info')];
	if (screen.source.kind === 'deviations' && screen.pair?.about === 'no deviations') {
		return [span(`No deviations for ${screen.name} ${windowLabel(screen.source.window)}`, 'info'), span(' · w widens the window', 'muted')];
	}
	const how = screen.view === 'tree' ? 'tree of changed fields' : screen.full ? 'every line' : `changes with ${screen.context} line${screen.context === 1 ? '' : 's'} of context`;
	const notes = screen.pair?.notes.length ? [span(`  ${screen.pair.notes.length} input(s) skipped: ${screen.pair.notes[0]}`, 'warn')] : [];
	const about = screen.pair && screen.source.kind === 'deviations' ? [span(`  from ${screen.pair.about}`, 'muted')] : [];
	return [span(`Plan: ${summary}`, 'heading'), ...about, span(`  · ${how}`, 'muted'), ...notes];
}
