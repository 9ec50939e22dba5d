import {detailCursor, filteredRows, selectedRow} from './derive.js';
import type {State} from './store.js';

export type Scope = 'global' | 'list' | 'detail' | 'filter' | 'help';

export type Command =
	| 'app.quit'
	| 'app.help'
	| 'app.filter'
	| 'app.reload'
	| 'list.down'
	| 'list.up'
	| 'list.top'
	| 'list.bottom'
	| 'list.pageDown'
	| 'list.pageUp'
	| 'list.open'
	| 'list.clearFilter'
	| 'detail.down'
	| 'detail.up'
	| 'detail.top'
	| 'detail.bottom'
	| 'detail.pageDown'
	| 'detail.pageUp'
	| 'detail.toggle'
	| 'detail.expand'
	| 'detail.collapse'
	| 'detail.expandAll'
	| 'detail.collapseAll'
	| 'detail.back'
	| 'filter.type'
	| 'filter.erase'
	| 'filter.clear'
	| 'filter.accept'
	| 'filter.cancel'
	| 'help.close'
	| 'help.down'
	| 'help.up'
	| 'help.top'
	| 'help.bottom'
	| 'help.pageDown'
	| 'help.pageUp';

export type Binding = {
	command: Command;
	/** Key names as keys.ts writes them; the first is the one hints show. */
	keys: readonly string[];
	/** Says what the key does, for the help overlay and the README. */
	description: string;
	scope: Scope;
	/** One or two words for the hint bar; bindings without one stay out of it. */
	hint?: string;
	/** The binding exists here only when this holds; otherwise the key falls through to the next scope. */
	when?: (state: State) => boolean;
	/** The binding applies but cannot act now; pressing it says why instead. */
	disabledReason?: (state: State) => string | undefined;
};

export const scopeTitles: Record<Scope, string> = {
	global: 'Anywhere',
	list: 'Policy list',
	detail: 'Detail pane',
	filter: 'Filter line (after /)',
	help: 'Help (after ?)',
};

const noRows = (state: State) => (filteredRows(state).length === 0 ? 'the list is empty' : undefined);
const noSelection = (state: State) => (selectedRow(state) ? undefined : 'no policy is selected');
const helpClosed = (state: State) => !state.help.open;
const nothingToFold = (state: State) => ((detailCursor(state)?.node.children.length ?? 0) > 0 ? undefined : 'the line under the cursor has nothing to fold');

/**
 * Every key spytui understands. The dispatcher, the help overlay, the hint bar
 * and the README table are all read from this one list.
 */
export const keymap: readonly Binding[] = [
	{command: 'app.filter', keys: ['/'], description: 'Filter by text or regular expression (ignores case)', scope: 'global', hint: 'filter', when: helpClosed},
	{
		command: 'app.reload',
		keys: ['r'],
		description: 'Read the folder again',
		scope: 'global',
		hint: 'reload',
		when: helpClosed,
		disabledReason: state => (state.load.phase === 'loading' ? 'the folder is being read' : undefined),
	},
	{command: 'app.help', keys: ['?'], description: 'Show every key binding', scope: 'global', hint: 'help'},
	{command: 'app.quit', keys: ['q', 'ctrl+c'], description: 'Quit spytui', scope: 'global', hint: 'quit'},

	{command: 'list.down', keys: ['j', 'down'], description: 'Select the next policy', scope: 'list', hint: 'move', disabledReason: noRows},
	{command: 'list.up', keys: ['k', 'up'], description: 'Select the previous policy', scope: 'list', hint: 'move', disabledReason: noRows},
	{command: 'list.top', keys: ['g', 'home'], description: 'Select the first policy', scope: 'list', disabledReason: noRows},
	{command: 'list.bottom', keys: ['G', 'end'], description: 'Select the last policy', scope: 'list', disabledReason: noRows},
	{command: 'list.pageDown', keys: ['pagedown', 'ctrl+f'], description: 'Move down a page', scope: 'list', disabledReason: noRows},
	{command: 'list.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Move up a page', scope: 'list', disabledReason: noRows},
	{command: 'list.open', keys: ['enter', 'tab'], description: 'Focus the detail pane of the selected policy', scope: 'list', hint: 'details', disabledReason: noSelection},
	{command: 'list.clearFilter', keys: ['esc'], description: 'Clear the filter', scope: 'list', hint: 'clear filter', when: state => state.filter.text !== ''},

	{command: 'detail.down', keys: ['j', 'down'], description: 'Move the tree cursor down', scope: 'detail', hint: 'move'},
	{command: 'detail.up', keys: ['k', 'up'], description: 'Move the tree cursor up', scope: 'detail', hint: 'move'},
	{command: 'detail.top', keys: ['g', 'home'], description: 'Go to the first line', scope: 'detail'},
	{command: 'detail.bottom', keys: ['G', 'end'], description: 'Go to the last line', scope: 'detail'},
	{command: 'detail.pageDown', keys: ['pagedown', 'ctrl+f'], description: 'Move down a page', scope: 'detail'},
	{command: 'detail.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Move up a page', scope: 'detail'},
	{command: 'detail.toggle', keys: ['space'], description: 'Fold or unfold the branch under the cursor', scope: 'detail', hint: 'fold', disabledReason: nothingToFold},
	{command: 'detail.expand', keys: ['right', 'l'], description: 'Unfold the branch, or step into it', scope: 'detail', hint: 'fold'},
	{command: 'detail.collapse', keys: ['left', 'h'], description: 'Fold the branch, or step out to its parent', scope: 'detail', hint: 'fold'},
	{command: 'detail.expandAll', keys: ['+'], description: 'Unfold every branch', scope: 'detail'},
	{command: 'detail.collapseAll', keys: ['-'], description: 'Fold every branch', scope: 'detail'},
	{command: 'detail.back', keys: ['esc', 'tab'], description: 'Back to the policy list', scope: 'detail', hint: 'back'},

	{command: 'filter.accept', keys: ['enter'], description: 'Keep the filter and return to the list', scope: 'filter', hint: 'keep'},
	{command: 'filter.cancel', keys: ['esc'], description: 'Clear the filter and close the filter line', scope: 'filter', hint: 'cancel'},
	{command: 'filter.erase', keys: ['backspace'], description: 'Delete the last character', scope: 'filter'},
	{command: 'filter.clear', keys: ['ctrl+u'], description: 'Delete the whole filter text', scope: 'filter'},
	{command: 'filter.type', keys: ['text'], description: 'Type the filter; the list narrows as you type', scope: 'filter'},

	{command: 'help.close', keys: ['esc', '?', 'q'], description: 'Close help', scope: 'help', hint: 'close'},
	{command: 'help.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'help', hint: 'scroll'},
	{command: 'help.up', keys: ['k', 'up'], description: 'Scroll up', scope: 'help', hint: 'scroll'},
	{command: 'help.top', keys: ['g', 'home'], description: 'Scroll to the top', scope: 'help'},
	{command: 'help.bottom', keys: ['G', 'end'], description: 'Scroll to the bottom', scope: 'help'},
	{command: 'help.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], description: 'Scroll down a page', scope: 'help'},
	{command: 'help.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Scroll up a page', scope: 'help'},
];
