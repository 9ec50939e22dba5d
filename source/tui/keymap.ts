import {detailCursor, filteredRows, layoutOf, selectedRow} from './derive.js';
import {dialogView} from './dialog-view.js';
import type {CreateStep} from './create/flow.js';
import {busyReason, changeRefusal, createBackRefusal, createNextRefusal, createRefusal, draftRefusal, viewRefusal} from './refusals.js';
import {diffApplyRefusal, diffRefusal, mergeRefusal, noDiffLines, noDraftToShow, noGapAtCursor, sameVersions, textView, versionsRefusal} from './diff-screen/refusals.js';
import {logsRefusal, matchRefusal, noEvents, policyLogsRefusal, saveRefusal} from './logs/refusals.js';
import {windowChoices} from './logs/windows.js';
import type {State} from './store.js';

export type Scope = 'global' | 'list' | 'detail' | 'policy' | 'filter' | 'prompt' | 'pager' | 'dialog' | 'confirm' | 'create' | 'diff' | 'versions' | 'logs' | 'logsLine';

export const commands = [
	'app.quit',
	'app.help',
	'app.filter',
	'app.command',
	'app.reload',
	'app.dismiss',
	'app.create',
	'list.down',
	'list.up',
	'list.top',
	'list.bottom',
	'list.pageDown',
	'list.pageUp',
	'list.open',
	'list.clearFilter',
	'detail.down',
	'detail.up',
	'detail.top',
	'detail.bottom',
	'detail.pageDown',
	'detail.pageUp',
	'detail.toggle',
	'detail.expand',
	'detail.collapse',
	'detail.expandAll',
	'detail.collapseAll',
	'detail.back',
	'policy.toggleMode',
	'policy.toggleEnabled',
	'policy.undo',
	'policy.apply',
	'policy.edit',
	'policy.delete',
	'policy.yaml',
	'policy.save',
	'filter.type',
	'filter.erase',
	'filter.clear',
	'filter.accept',
	'filter.cancel',
	'prompt.type',
	'prompt.erase',
	'prompt.clear',
	'prompt.complete',
	'prompt.run',
	'prompt.cancel',
	'pager.close',
	'pager.down',
	'pager.up',
	'pager.top',
	'pager.bottom',
	'pager.pageDown',
	'pager.pageUp',
	'dialog.next',
	'dialog.previous',
	'dialog.press',
	'dialog.cancel',
	'dialog.quit',
	'dialog.full',
	'dialog.down',
	'dialog.up',
	'dialog.top',
	'dialog.bottom',
	'dialog.pageDown',
	'dialog.pageUp',
	'confirm.type',
	'confirm.erase',
	'confirm.clear',
	'confirm.accept',
	'confirm.cancel',
	'create.down',
	'create.up',
	'create.next',
	'create.back',
	'create.mode',
	'create.type',
	'create.erase',
	'create.clear',
	'policy.diff',
	'diff.close',
	'diff.down',
	'diff.up',
	'diff.top',
	'diff.bottom',
	'diff.pageDown',
	'diff.pageUp',
	'diff.next',
	'diff.previous',
	'diff.expand',
	'diff.full',
	'diff.lessContext',
	'diff.moreContext',
	'diff.view',
	'diff.window',
	'diff.draft',
	'diff.versions',
	'diff.merge',
	'diff.apply',
	'versions.up',
	'versions.down',
	'versions.switch',
	'versions.accept',
	'versions.cancel',
	'logs.open',
	'logs.openAll',
	'logs.close',
	'logs.follow',
	'logs.search',
	'logs.filter',
	'logs.nextMatch',
	'logs.previousMatch',
	'logs.expand',
	'logs.window',
	'logs.save',
	'logs.wrap',
	'logs.timestamps',
	'logs.fullscreen',
	'logs.down',
	'logs.up',
	'logs.top',
	'logs.bottom',
	'logs.pageDown',
	'logs.pageUp',
	'logsLine.accept',
	'logsLine.cancel',
	'logsLine.erase',
	'logsLine.clear',
	'logsLine.type',
] as const;

export type Command = (typeof commands)[number];

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
	policy: 'Selected policy (list or detail pane)',
	filter: 'Filter line (after /)',
	prompt: 'Command line (after :)',
	pager: 'Help and YAML views (after ? or y)',
	dialog: 'Dialogs (apply, conflict, quit, create preview)',
	confirm: 'Delete dialog (type the name)',
	create: 'Create dialog (after c)',
	diff: 'Diff screen (after d)',
	versions: 'Choosing versions (after v in the diff screen)',
	logs: 'Logs panel (after l or L)',
	logsLine: 'Logs search and filter line (after / or & in the logs)',
};

const noRows = (state: State) => (filteredRows(state).length === 0 ? 'the list is empty' : undefined);
const noSelection = (state: State) => (selectedRow(state) ? undefined : 'no policy is selected');
// The help, YAML and diff views and the logs take the place of the panels: the list's global keys wait until they close.
const noOverlay = (state: State) => state.overlay === undefined && state.diff === undefined && state.logs === undefined;
const nothingToFold = (state: State) => ((detailCursor(state)?.node.children.length ?? 0) > 0 ? undefined : 'the line under the cursor has nothing to fold');
const diffDialog = (state: State) => state.dialog?.kind === 'apply' || state.dialog?.kind === 'conflict';
const atStep =
	(...steps: CreateStep[]) =>
	(state: State): boolean =>
		state.dialog?.kind === 'create' && steps.includes(state.dialog.flow.step);
const nothingToScroll = (state: State) => (dialogView(state).lines.length > layoutOf(state).dialogRows ? undefined : 'everything is on screen already');

/**
 * Every key spytui understands. The dispatcher, the help overlay, the hint bar
 * and the README table are all read from this one list; a user keymap file
 * replaces the keys of a command, never the command itself.
 */
export const keymap: readonly Binding[] = [
	{
		command: 'app.create',
		keys: ['c'],
		description: "Create a policy from a local file or the server's fingerprints, previewed before it is sent",
		scope: 'global',
		hint: 'create',
		when: noOverlay,
		disabledReason: createRefusal,
	},
	{command: 'app.filter', keys: ['/'], description: 'Filter by text or regular expression (ignores case)', scope: 'global', hint: 'filter', when: noOverlay},
	{command: 'app.command', keys: [':'], description: 'Open the command line: ctx NAME, type TYPE, q', scope: 'global', hint: 'command', when: noOverlay},
	{
		command: 'app.reload',
		keys: ['r'],
		description: 'Load the policies again (the API list also refreshes on its own)',
		scope: 'global',
		hint: 'reload',
		when: noOverlay,
		disabledReason: state => {
			if (state.load.phase === 'loading') return state.origin.kind === 'folder' ? 'the folder is being read' : 'the policies are being loaded';
			return state.task?.kind === 'connect' ? 'spytui is connecting to the API' : undefined;
		},
	},
	{
		command: 'app.dismiss',
		keys: ['esc'],
		description: 'Dismiss the error message (errors stay until then)',
		scope: 'global',
		hint: 'dismiss',
		when: state => state.flash?.level === 'error' && noOverlay(state),
	},
	{command: 'app.help', keys: ['?'], description: 'Show every key binding', scope: 'global', hint: 'help'},
	{command: 'app.quit', keys: ['q', 'ctrl+c'], description: 'Quit spytui (asks first while there are unapplied drafts)', scope: 'global', hint: 'quit'},

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

	{command: 'policy.toggleMode', keys: ['m'], description: 'Toggle audit and enforce, as a local draft until applied', scope: 'policy', hint: 'mode', disabledReason: changeRefusal},
	{command: 'policy.toggleEnabled', keys: ['e'], description: 'Toggle enabled and disabled, as a local draft until applied', scope: 'policy', hint: 'enable', disabledReason: changeRefusal},
	{command: 'policy.undo', keys: ['u'], description: 'Undo the last edit of the selected policy', scope: 'policy', hint: 'undo', disabledReason: draftRefusal},
	{command: 'policy.apply', keys: ['a'], description: 'Preview the draft against the server copy, then apply it', scope: 'policy', hint: 'apply', disabledReason: draftRefusal},
	{command: 'policy.edit', keys: ['E'], description: 'Edit the whole policy in $VISUAL or $EDITOR, as a draft', scope: 'policy', hint: 'edit', disabledReason: changeRefusal},
	{command: 'policy.delete', keys: ['D', 'ctrl+d'], description: 'Delete the policy from the server (type its name to confirm)', scope: 'policy', disabledReason: changeRefusal},
	{command: 'policy.diff', keys: ['d'], description: 'Open the diff screen: the draft against the server copy, else the deviations since latestTimestamp', scope: 'policy', hint: 'diff', disabledReason: diffRefusal},
	{command: 'policy.yaml', keys: ['y'], description: 'Show the policy (or its draft) as YAML', scope: 'policy', hint: 'yaml', disabledReason: viewRefusal},
	{command: 'policy.save', keys: ['s'], description: 'Save the policy (or its draft) to a YAML file in the current folder', scope: 'policy', disabledReason: state => viewRefusal(state) ?? busyReason(state)},

	{command: 'filter.accept', keys: ['enter'], description: 'Keep the filter and return to the list', scope: 'filter', hint: 'keep'},
	{command: 'filter.cancel', keys: ['esc'], description: 'Clear the filter and close the filter line', scope: 'filter', hint: 'cancel'},
	{command: 'filter.erase', keys: ['backspace'], description: 'Delete the last character', scope: 'filter'},
	{command: 'filter.clear', keys: ['ctrl+u'], description: 'Delete the whole filter text', scope: 'filter'},
	{command: 'filter.type', keys: ['text'], description: 'Type the filter; the list narrows as you type', scope: 'filter'},

	{command: 'prompt.run', keys: ['enter'], description: 'Run the command', scope: 'prompt', hint: 'run'},
	{command: 'prompt.cancel', keys: ['esc'], description: 'Close the command line', scope: 'prompt', hint: 'cancel'},
	{command: 'prompt.complete', keys: ['tab'], description: 'Complete the command name', scope: 'prompt', hint: 'complete'},
	{command: 'prompt.erase', keys: ['backspace'], description: 'Delete the last character', scope: 'prompt'},
	{command: 'prompt.clear', keys: ['ctrl+u'], description: 'Delete the whole command', scope: 'prompt'},
	{command: 'prompt.type', keys: ['text'], description: 'Type the command', scope: 'prompt'},

	{command: 'pager.close', keys: ['esc', 'q', '?', 'y'], description: 'Close the view', scope: 'pager', hint: 'close'},
	{command: 'pager.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'pager', hint: 'scroll'},
	{command: 'pager.up', keys: ['k', 'up'], description: 'Scroll up', scope: 'pager', hint: 'scroll'},
	{command: 'pager.top', keys: ['g', 'home'], description: 'Scroll to the top', scope: 'pager'},
	{command: 'pager.bottom', keys: ['G', 'end'], description: 'Scroll to the bottom', scope: 'pager'},
	{command: 'pager.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], description: 'Scroll down a page', scope: 'pager'},
	{command: 'pager.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Scroll up a page', scope: 'pager'},

	{command: 'dialog.press', keys: ['enter'], description: 'Press the focused button (Cancel has the focus at first)', scope: 'dialog', hint: 'press', disabledReason: busyReason},
	{command: 'dialog.next', keys: ['tab', 'right', 'l'], description: 'Focus the next button', scope: 'dialog', hint: 'button'},
	{command: 'dialog.previous', keys: ['shift+tab', 'left', 'h'], description: 'Focus the previous button', scope: 'dialog', hint: 'button'},
	{command: 'dialog.cancel', keys: ['esc'], description: 'Close the dialog and change nothing', scope: 'dialog', hint: 'cancel', disabledReason: busyReason},
	{command: 'dialog.quit', keys: ['q', 'ctrl+c'], description: 'Quit now; the drafts stay saved for next time', scope: 'dialog', hint: 'quit', when: state => state.dialog?.kind === 'quit'},
	{command: 'dialog.full', keys: ['f'], description: 'Show the whole diff, or only the changes and their context', scope: 'dialog', hint: 'full diff', when: diffDialog},
	{command: 'dialog.down', keys: ['j', 'down'], description: 'Scroll down', scope: 'dialog', hint: 'scroll', disabledReason: nothingToScroll},
	{command: 'dialog.up', keys: ['k', 'up'], description: 'Scroll up', scope: 'dialog', hint: 'scroll', disabledReason: nothingToScroll},
	{command: 'dialog.top', keys: ['g', 'home'], description: 'Scroll to the top', scope: 'dialog', disabledReason: nothingToScroll},
	{command: 'dialog.bottom', keys: ['G', 'end'], description: 'Scroll to the bottom', scope: 'dialog', disabledReason: nothingToScroll},
	{command: 'dialog.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], description: 'Scroll down a page', scope: 'dialog', disabledReason: nothingToScroll},
	{command: 'dialog.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Scroll up a page', scope: 'dialog', disabledReason: nothingToScroll},

	{command: 'confirm.accept', keys: ['enter'], description: 'Delete, once the typed name matches', scope: 'confirm', hint: 'delete', disabledReason: busyReason},
	{command: 'confirm.cancel', keys: ['esc', 'ctrl+c'], description: 'Close the dialog and delete nothing', scope: 'confirm', hint: 'cancel', disabledReason: busyReason},
	{command: 'confirm.erase', keys: ['backspace'], description: 'Delete the last character', scope: 'confirm'},
	{command: 'confirm.clear', keys: ['ctrl+u'], description: 'Delete the whole text', scope: 'confirm'},
	{command: 'confirm.type', keys: ['text'], description: 'Type the policy name', scope: 'confirm'},

	{command: 'create.down', keys: ['j', 'down'], description: 'Highlight the next source', scope: 'create', hint: 'move', when: atStep('source')},
	{command: 'create.up', keys: ['k', 'up'], description: 'Highlight the previous source', scope: 'create', hint: 'move', when: atStep('source')},
	{
		command: 'create.next',
		keys: ['enter'],
		description: 'Go on: use the highlighted source, read the typed file, or preview the policy',
		scope: 'create',
		hint: 'next',
		when: atStep('source', 'path', 'name'),
		disabledReason: createNextRefusal,
	},
	{command: 'create.mode', keys: ['tab'], description: 'Switch the new policy between audit and enforce', scope: 'create', hint: 'mode', when: atStep('name')},
	{command: 'create.back', keys: ['esc'], description: 'Back one step; from the source list, close and create nothing', scope: 'create', hint: 'back', disabledReason: createBackRefusal},
	{command: 'create.erase', keys: ['backspace'], description: 'Delete the last character', scope: 'create', when: atStep('path', 'name')},
	{command: 'create.clear', keys: ['ctrl+u'], description: 'Delete the whole text', scope: 'create', when: atStep('path', 'name')},

	{command: 'diff.close', keys: ['esc', 'q'], description: 'Close the diff screen', scope: 'diff', hint: 'close'},
	{command: 'diff.next', keys: ['n'], description: 'Go to the next change', scope: 'diff', hint: 'next/prev change', disabledReason: noDiffLines},
	{command: 'diff.previous', keys: ['N'], description: 'Go to the previous change', scope: 'diff', hint: 'next/prev change', disabledReason: noDiffLines},
	{command: 'diff.merge', keys: ['M'], description: 'Merge the deviations shown into a draft of the policy (then a applies it)', scope: 'diff', hint: 'merge', disabledReason: mergeRefusal},
	{command: 'diff.apply', keys: ['a'], description: 'Preview the draft against the server copy, then apply it', scope: 'diff', hint: 'apply', disabledReason: diffApplyRefusal},
	{command: 'diff.view', keys: ['t'], description: 'Switch between the text diff and the tree of changed fields', scope: 'diff', hint: 'text/tree'},
	{command: 'diff.window', keys: ['w'], description: 'Compare with deviations; again: since latestTimestamp, the last hour, day or week', scope: 'diff', hint: 'deviations', disabledReason: busyReason},
	{command: 'diff.versions', keys: ['v'], description: 'Compare two stored versions of the policy (pick them next)', scope: 'diff', hint: 'versions', disabledReason: versionsRefusal},
	{command: 'diff.draft', keys: ['x'], description: 'Compare your draft with the server copy', scope: 'diff', hint: 'draft', disabledReason: noDraftToShow},
	{command: 'diff.full', keys: ['f'], description: 'Show every line, or only the changes and their context', scope: 'diff', hint: 'full', when: textView},
	{command: 'diff.lessContext', keys: ['{'], description: 'One line of context fewer around each change', scope: 'diff', hint: 'context', when: textView},
	{command: 'diff.moreContext', keys: ['}'], description: 'One line of context more around each change', scope: 'diff', hint: 'context', when: textView},
	{command: 'diff.expand', keys: ['enter'], description: 'Unfold the unchanged lines under the cursor', scope: 'diff', hint: 'unfold', disabledReason: noGapAtCursor},
	{command: 'diff.down', keys: ['j', 'down'], description: 'Move down a line', scope: 'diff', hint: 'move', disabledReason: noDiffLines},
	{command: 'diff.up', keys: ['k', 'up'], description: 'Move up a line', scope: 'diff', hint: 'move', disabledReason: noDiffLines},
	{command: 'diff.top', keys: ['g', 'home'], description: 'Go to the first line', scope: 'diff', disabledReason: noDiffLines},
	{command: 'diff.bottom', keys: ['G', 'end'], description: 'Go to the last line', scope: 'diff', disabledReason: noDiffLines},
	{command: 'diff.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], description: 'Move down a page', scope: 'diff', disabledReason: noDiffLines},
	{command: 'diff.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Move up a page', scope: 'diff', disabledReason: noDiffLines},

	{command: 'versions.up', keys: ['k', 'up', '+'], description: 'A later version', scope: 'versions', hint: 'version'},
	{command: 'versions.down', keys: ['j', 'down', '-'], description: 'An earlier version', scope: 'versions', hint: 'version'},
	{command: 'versions.switch', keys: ['tab', 'left', 'right'], description: 'Switch between the older and the newer version', scope: 'versions', hint: 'from/to'},
	{command: 'versions.accept', keys: ['enter'], description: 'Compare the two versions', scope: 'versions', hint: 'compare', disabledReason: sameVersions},
	{command: 'versions.cancel', keys: ['esc'], description: 'Keep the comparison shown', scope: 'versions', hint: 'cancel'},
	{command: 'create.type', keys: ['text'], description: 'Type the file path or the policy name', scope: 'create', when: atStep('path', 'name')},

	{command: 'logs.open', keys: ['l'], description: "Tail the selected policy's log events", scope: 'list', hint: 'logs', disabledReason: policyLogsRefusal},
	{command: 'logs.openAll', keys: ['L'], description: 'Tail the log events of every policy, each policy in its own colour', scope: 'list', disabledReason: logsRefusal},

	{command: 'logs.close', keys: ['esc', 'q'], description: 'Close the logs and go back to the policy list', scope: 'logs', hint: 'back'},
	{command: 'logs.follow', keys: ['s'], description: 'Follow new events, or pause (a paused panel counts the new events)', scope: 'logs', hint: 'follow/pause'},
	{command: 'logs.search', keys: ['/'], description: 'Search by regular expression: matches are highlighted and every line stays', scope: 'logs', hint: 'search'},
	{command: 'logs.filter', keys: ['&'], description: 'Show only the lines that match a regular expression; a leading ! shows the others', scope: 'logs', hint: 'filter'},
	{command: 'logs.nextMatch', keys: ['n'], description: 'Go to the next line the search matches', scope: 'logs', hint: 'next/prev match', disabledReason: matchRefusal},
	{command: 'logs.previousMatch', keys: ['N'], description: 'Go to the previous line the search matches', scope: 'logs', hint: 'next/prev match', disabledReason: matchRefusal},
	{command: 'logs.expand', keys: ['enter'], description: 'Show the selected event as pretty-printed JSON, or fold it again', scope: 'logs', hint: 'json', disabledReason: noEvents},
	{command: 'logs.window', keys: ['0', '1', '2', '3', '4', '5', '6'], description: `Pick the window and read it again: ${windowChoices()}`, scope: 'logs', hint: 'window'},
	{command: 'logs.save', keys: ['ctrl+s'], description: 'Save the events shown (after the filter) to a file in the current folder', scope: 'logs', hint: 'save', disabledReason: saveRefusal},
	{command: 'logs.wrap', keys: ['w'], description: 'Wrap long lines, or cut them at the edge', scope: 'logs', hint: 'wrap'},
	{command: 'logs.timestamps', keys: ['t'], description: 'Show or hide the time of each event', scope: 'logs', hint: 'time'},
	{command: 'logs.fullscreen', keys: ['f'], description: 'Give the logs the whole screen, or the panel back', scope: 'logs', hint: 'full'},
	{command: 'logs.down', keys: ['j', 'down'], description: 'Select the next event (and pause)', scope: 'logs', hint: 'move', disabledReason: noEvents},
	{command: 'logs.up', keys: ['k', 'up'], description: 'Select the previous event (and pause)', scope: 'logs', hint: 'move', disabledReason: noEvents},
	{command: 'logs.top', keys: ['g', 'home'], description: 'Go to the oldest event kept (and pause)', scope: 'logs', disabledReason: noEvents},
	{command: 'logs.bottom', keys: ['G', 'end'], description: 'Go to the newest event and follow', scope: 'logs'},
	{command: 'logs.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], description: 'Move down a page (and pause)', scope: 'logs', disabledReason: noEvents},
	{command: 'logs.pageUp', keys: ['pageup', 'ctrl+b'], description: 'Move up a page (and pause)', scope: 'logs', disabledReason: noEvents},

	{command: 'logsLine.accept', keys: ['enter'], description: 'Keep it; a search goes to the nearest match', scope: 'logsLine', hint: 'keep'},
	{command: 'logsLine.cancel', keys: ['esc'], description: 'Go back to the search or filter there was before', scope: 'logsLine', hint: 'cancel'},
	{command: 'logsLine.erase', keys: ['backspace'], description: 'Delete the last character', scope: 'logsLine'},
	{command: 'logsLine.clear', keys: ['ctrl+u'], description: 'Delete the whole text', scope: 'logsLine'},
	{command: 'logsLine.type', keys: ['text'], description: 'Type the regular expression; the lines change as you type', scope: 'logsLine'},
];
