import {collapseKey, detailCursorIndex, detailView, filteredRows, layoutOf, overlayLines, selectedIndex, selectedRow} from './derive.js';
import {createCommand, openCreate} from './create/commands.js';
import {dialogCommand} from './dialog-commands.js';
import {diffCommand} from './diff-screen/commands.js';
import type {KeyPress} from './keys.js';
import {logsCommand} from './logs/commands.js';
import type {Command} from './keymap.js';
import {policyCommand} from './policy-commands.js';
import {promptCommand} from './prompt-commands.js';
import {quit} from './quit.js';
import {clamp} from './scroll.js';
import type {Row} from './server-rows.js';
import {requestLoad, startTask, type State} from './store.js';
import type {TreeNode} from './tree/node.js';
import {rowTree} from './tree/policy-tree.js';

/** What each command does to the state. Effects (reading files, exiting) follow from the state they leave. */
export function applyCommand(state: State, command: Command, press: KeyPress, at: number): State {
	const [group] = command.split('.');
	if (group === 'policy') return policyCommand(state, command, at);
	if (group === 'dialog' || group === 'confirm') return dialogCommand(state, command, press);
	if (group === 'prompt') return promptCommand(state, command, press);
	if (group === 'create') return createCommand(state, command, press);
	if (group === 'diff' || group === 'versions') return diffCommand(state, command, at);
	if (group === 'logs' || group === 'logsLine') return logsCommand(state, command, press, at);
	switch (command) {
		case 'app.quit': {
			return quit(state);
		}
		case 'app.create': {
			return openCreate(state);
		}
		case 'app.help': {
			return {...state, overlay: {kind: 'help', top: 0}};
		}
		case 'app.filter': {
			return {...state, focus: 'list', filter: {...state.filter, editing: true}};
		}
		case 'app.dismiss': {
			const {flash: _dismissed, ...rest} = state;
			return rest;
		}
		case 'app.command': {
			return {...state, prompt: {text: ''}, filter: {...state.filter, editing: false}};
		}
		case 'app.reload': {
			// Without a backend (the first connection failed) a reload tries to connect again.
			return state.origin.kind === 'api' && !state.connection.backend ? startTask(state, {kind: 'connect'}) : requestLoad(state);
		}

		case 'list.down': {
			return selectAt(state, selectedIndex(state) + 1);
		}
		case 'list.up': {
			return selectAt(state, selectedIndex(state) - 1);
		}
		case 'list.top': {
			return selectAt(state, 0);
		}
		case 'list.bottom': {
			return selectAt(state, filteredRows(state).length - 1);
		}
		case 'list.pageDown': {
			return selectAt(state, selectedIndex(state) + layoutOf(state).listRows);
		}
		case 'list.pageUp': {
			return selectAt(state, selectedIndex(state) - layoutOf(state).listRows);
		}
		case 'list.open': {
			return {...state, focus: 'detail', filter: {...state.filter, editing: false}};
		}
		case 'list.clearFilter': {
			return {...state, filter: {text: '', editing: false}};
		}

		case 'detail.down': {
			return cursorAt(state, detailCursorIndex(state) + 1);
		}
		case 'detail.up': {
			return cursorAt(state, detailCursorIndex(state) - 1);
		}
		case 'detail.top': {
			return cursorAt(state, 0);
		}
		case 'detail.bottom': {
			return cursorAt(state, detailView(state).nodes.length - 1);
		}
		case 'detail.pageDown': {
			return pageCursor(state, 1);
		}
		case 'detail.pageUp': {
			return pageCursor(state, -1);
		}
		case 'detail.toggle': {
			const cursor = detailView(state).nodes[detailCursorIndex(state)];
			return cursor ? setFolded(state, [cursor.node.key], cursor.expanded) : state;
		}
		case 'detail.expand': {
			const index = detailCursorIndex(state);
			const cursor = detailView(state).nodes[index];
			if (!cursor || cursor.node.children.length === 0) return state;
			return cursor.expanded ? cursorAt(state, index + 1) : setFolded(state, [cursor.node.key], false);
		}
		case 'detail.collapse': {
			const cursor = detailView(state).nodes[detailCursorIndex(state)];
			if (!cursor) return state;
			if (cursor.expanded) return setFolded(state, [cursor.node.key], true);
			return cursor.parent === undefined ? state : cursorAt(state, cursor.parent);
		}
		case 'detail.expandAll': {
			const row = selectedRow(state);
			return row ? setFolded(state, branchKeys(rowTree(row)), false) : state;
		}
		case 'detail.collapseAll': {
			const row = selectedRow(state);
			return row ? setFolded(state, branchKeys(rowTree(row)), true) : state;
		}
		case 'detail.back': {
			return {...state, focus: 'list'};
		}

		case 'filter.type': {
			return {...state, filter: {...state.filter, text: state.filter.text + (press.text ?? '')}};
		}
		case 'filter.erase': {
			return {...state, filter: {...state.filter, text: [...state.filter.text].slice(0, -1).join('')}};
		}
		case 'filter.clear': {
			return {...state, filter: {...state.filter, text: ''}};
		}
		case 'filter.accept': {
			return {...state, filter: {...state.filter, editing: false}};
		}
		case 'filter.cancel': {
			return {...state, filter: {text: '', editing: false}};
		}

		case 'pager.close': {
			const {overlay: _closed, ...rest} = state;
			return rest;
		}
		// settle() keeps the window in range, so these may overshoot.
		case 'pager.down': {
			return scrollOverlay(state, 1);
		}
		case 'pager.up': {
			return scrollOverlay(state, -1);
		}
		case 'pager.top': {
			return scrollOverlay(state, -Number.MAX_SAFE_INTEGER);
		}
		case 'pager.bottom': {
			return scrollOverlay(state, overlayLines(state).length);
		}
		case 'pager.pageDown': {
			return scrollOverlay(state, layoutOf(state).overlayRows);
		}
		case 'pager.pageUp': {
			return scrollOverlay(state, -layoutOf(state).overlayRows);
		}
		default: {
			return state;
		}
	}
}

function selectAt(state: State, index: number): State {
	const rows = filteredRows(state);
	const row: Row | undefined = rows[clamp(index, 0, rows.length - 1)];
	return row ? {...state, list: {...state.list, selectedId: row.id}} : state;
}

function cursorAt(state: State, index: number): State {
	const {nodes} = detailView(state);
	const node = nodes[clamp(index, 0, nodes.length - 1)];
	return node ? {...state, detail: {...state.detail, cursorKey: node.node.key}} : state;
}

/** Moves the tree cursor by a screenful of rows, counting wrapped nodes by their height. */
function pageCursor(state: State, direction: 1 | -1): State {
	const {layout} = detailView(state);
	const cursor = detailCursorIndex(state);
	const line = (layout.firstLineOf[cursor] ?? 0) + direction * layoutOf(state).detailRows;
	const target = layout.lines[clamp(line, 0, layout.lines.length - 1)];
	return target ? cursorAt(state, target.node) : state;
}

function setFolded(state: State, keys: readonly string[], folded: boolean): State {
	const row = selectedRow(state);
	if (!row || keys.length === 0) return state;
	const collapsed = new Set(state.detail.collapsed);
	for (const key of keys) {
		if (folded) collapsed.add(collapseKey(row, key));
		else collapsed.delete(collapseKey(row, key));
	}
	return {...state, detail: {...state.detail, collapsed}};
}

function branchKeys(nodes: readonly TreeNode[]): string[] {
	return nodes.flatMap(node => (node.children.length === 0 ? [] : [node.key, ...branchKeys(node.children)]));
}

function scrollOverlay(state: State, by: number): State {
	return state.overlay ? {...state, overlay: {...state.overlay, top: Math.max(0, state.overlay.top + by)}} : state;
}
