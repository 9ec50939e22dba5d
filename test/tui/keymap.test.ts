import {describe, expect, test} from 'vitest';
import {activeScopes, reachableKeys, resolveKey} from '../../source/tui/dispatch.js';
import {helpLines} from '../../source/tui/help-content.js';
import {fitHints, hintsFor} from '../../source/tui/hints.js';
import {keyLabel, pressOf, textKey} from '../../source/tui/keys.js';
import {keymap, type Scope, scopeTitles} from '../../source/tui/keymap.js';
import {initialState} from '../../source/tui/store.js';
import {loadedState, policyRow, pressKeys, spansText} from './rows.js';

const size = {columns: 100, rows: 30};
const state = () => loadedState([policyRow('alpha'), policyRow('bravo')], size);

function hintText(hints: ReturnType<typeof hintsFor>): string {
	return hints.map(hint => `${hint.keys} ${hint.label}`).join(' | ');
}

describe('the keymap table', () => {
	test('every binding has keys and a description that reads as a sentence', () => {
		for (const binding of keymap) {
			expect(binding.keys.length, binding.command).toBeGreaterThan(0);
			expect(binding.description, binding.command).toMatch(/^[A-Z].{4,}[^.]$/);
		}
	});

	test('no two bindings in one scope share a key', () => {
		const scopes = Object.keys(scopeTitles) as Scope[];
		for (const scope of scopes) {
			const keys = keymap.filter(binding => binding.scope === scope).flatMap(binding => binding.keys);
			expect(new Set(keys).size, `duplicate key in ${scope}: ${keys.join(' ')}`).toBe(keys.length);
		}
	});

	test('each command is bound exactly once', () => {
		const commands = keymap.map(binding => binding.command);
		expect(new Set(commands).size).toBe(commands.length);
	});

	test('the help overlay lists every binding with all of its keys', () => {
		const text = helpLines(keymap, 200)
			.map(line => spansText(line))
			.join('\n');
		for (const binding of keymap) {
			expect(text).toContain(binding.description);
			for (const key of binding.keys) expect(text).toContain(keyLabel(key));
		}
		for (const title of Object.values(scopeTitles)) expect(text).toContain(title);
	});
});

describe('dispatch priorities', () => {
	test('the help overlay first, then the filter line, then the focused pane, then global keys', () => {
		expect(activeScopes(state())).toEqual(['list', 'policy', 'global']);
		expect(activeScopes(pressKeys(state(), 'enter'))).toEqual(['detail', 'policy', 'global']);
		expect(activeScopes(pressKeys(state(), '/'))).toEqual(['filter', 'list', 'policy', 'global']);
		expect(activeScopes(pressKeys(state(), ':'))).toEqual(['prompt', 'global']);
		expect(activeScopes(pressKeys(state(), '?'))).toEqual(['pager', 'global']);
		expect(activeScopes(pressKeys(state(), 'y'))).toEqual(['pager', 'global']);
	});

	test('the same key means different things in different scopes', () => {
		expect(resolveKey(state(), pressOf('j'))?.binding.command).toBe('list.down');
		expect(resolveKey(pressKeys(state(), 'enter'), pressOf('j'))?.binding.command).toBe('detail.down');
		expect(resolveKey(pressKeys(state(), '?'), pressOf('j'))?.binding.command).toBe('pager.down');
		expect(resolveKey(pressKeys(state(), '/'), pressOf('j'))?.binding.command).toBe('filter.type');
		expect(resolveKey(pressKeys(state(), '/'), pressOf('down'))?.binding.command).toBe('list.down');
	});

	test('a binding whose when() is false lets the key fall through', () => {
		expect(resolveKey(state(), pressOf('esc'))).toBeUndefined();
		expect(resolveKey(pressKeys(state(), '/', 'a', 'enter'), pressOf('esc'))?.binding.command).toBe('list.clearFilter');
	});

	test('a disabled binding resolves with its reason', () => {
		expect(resolveKey(initialState(size), pressOf('r'))).toMatchObject({binding: {command: 'app.reload'}, disabledReason: 'the folder is being read'});
	});

	test('control keys are never typed into the filter', () => {
		expect(resolveKey(pressKeys(state(), '/'), {name: 'ctrl+c'})?.binding.command).toBe('app.quit');
		expect(resolveKey(pressKeys(state(), '/'), {name: 'x', text: '\u0007'})).toBeUndefined();
	});
});

describe('the hint bar', () => {
	test('shows the keys that work in the list, merging pairs such as j/k', () => {
		expect(hintText(hintsFor(state()))).toBe('j/k move | enter details | y yaml | / filter | : command | r reload | ? help | q quit');
	});

	test('shows only enabled bindings: nothing to move or open in an empty list, no reload while reading', () => {
		expect(hintText(hintsFor(loadedState([], size)))).toBe('/ filter | : command | r reload | ? help | q quit');
		expect(hintText(hintsFor(initialState(size)))).toBe('/ filter | : command | ? help | q quit');
	});

	test('offers esc to clear a kept filter', () => {
		expect(hintText(hintsFor(pressKeys(state(), '/', 'a', 'enter')))).toContain('esc clear filter');
	});

	test('while typing a filter, shadowed keys give way: arrows move, tab opens and ctrl+c quits', () => {
		expect(hintText(hintsFor(pressKeys(state(), '/')))).toBe('enter keep | esc cancel | ↓/↑ move | tab details | ctrl+c quit');
	});

	test('in the detail pane and the help overlay, their own keys come first', () => {
		expect(hintText(hintsFor(pressKeys(state(), 'enter')))).toBe('j/k move | space/→/← fold | esc back | y yaml | / filter | : command | r reload | ? help | q quit');
		expect(hintText(hintsFor(pressKeys(state(), '?')))).toBe('esc close | j/k scroll | ctrl+c quit');
	});

	test('reachable keys skip those a higher scope takes', () => {
		const quit = keymap.find(binding => binding.command === 'app.quit')!;
		expect(reachableKeys(quit, state())).toEqual(['q', 'ctrl+c']);
		expect(reachableKeys(quit, pressKeys(state(), '/'))).toEqual(['ctrl+c']);
		const type = keymap.find(binding => binding.command === 'filter.type')!;
		expect(reachableKeys(type, pressKeys(state(), '/'))).toEqual([textKey]);
	});

	test('fitting to a narrow width drops hints but keeps help', () => {
		const hints = hintsFor(state());
		const fitted = fitHints(hints, 30);
		expect(fitted.at(-1)?.label).toBe('help');
		expect(fitted.map(hint => `${hint.keys} ${hint.label}`).join('  ').length).toBeLessThanOrEqual(30);
		expect(fitHints(hints, 200)).toHaveLength(hints.length);
	});
});
