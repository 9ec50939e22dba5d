import {layoutOf} from '../derive.js';
import {panelChrome} from '../layout.js';
import type {State} from '../store.js';

/** Where the logs panel goes: the body of the screen in a border, or (fullscreen) the whole frame but the flash line. */
export type LogsGeometry = {
	bordered: boolean;
	/** The panel's outer size. */
	width: number;
	height: number;
	/** The event rows and their width: the panel less its border, the indicator strip and the line being typed. */
	columns: number;
	rows: number;
};

export function logsGeometry(state: State): LogsGeometry {
	const layout = layoutOf(state);
	const typing = state.logs?.line ? 1 : 0;
	if (state.logs?.fullscreen) {
		const height = layout.frame.height - layout.flashRows;
		return {bordered: false, width: layout.frame.width, height, columns: layout.frame.width, rows: Math.max(1, height - 1 - typing)};
	}
	// The body under the header, as the list and detail panels share it.
	const height = layout.arrangement === 'side-by-side' ? layout.list.height : layout.list.height + layout.detail.height;
	const width = layout.frame.width;
	return {bordered: true, width, height, columns: Math.max(10, width - panelChrome.columns), rows: Math.max(1, height - panelChrome.rows - 1 - typing)};
}
