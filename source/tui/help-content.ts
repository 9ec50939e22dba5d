import {keyLabel} from './keys.js';
import {type Binding, type Scope, scopeTitles} from './keymap.js';
import {remember} from './remember.js';
import {wrapSpans} from './text.js';
import {span, type Span} from './tone.js';

/** Scopes in the order a newcomer needs them. */
export const helpScopeOrder: readonly Scope[] = ['global', 'list', 'detail', 'policy', 'diff', 'versions', 'logs', 'logsLine', 'filter', 'prompt', 'pager', 'dialog', 'confirm', 'create'];

function keysText(binding: Binding): string {
	// A user keymap can unbind a command; it is still listed, so the user can see it is off.
	return binding.keys.length === 0 ? '(no key)' : binding.keys.map(key => keyLabel(key)).join(', ');
}

/**
 * The help overlay's lines for `width` columns: every binding of the keymap
 * (with the user's keys), grouped by where it works. Descriptions wrap under
 * themselves, so nothing is cut at 80 columns.
 */
export const helpLines = remember((bindings: readonly Binding[], width: number): Span[][] => {
	const keyColumn = Math.max(...bindings.map(binding => keysText(binding).length)) + 3;
	const indent = ' '.repeat(2 + keyColumn);
	const lines: Span[][] = [];
	for (const scope of helpScopeOrder) {
		const inScope = bindings.filter(binding => binding.scope === scope);
		if (inScope.length === 0) continue;
		if (lines.length > 0) lines.push([]);
		lines.push([span(scopeTitles[scope], 'heading')]);
		for (const binding of inScope) {
			const description = wrapSpans([span(binding.description)], Math.max(20, width - indent.length));
			for (const [index, part] of description.entries()) {
				lines.push([span(index === 0 ? `  ${keysText(binding).padEnd(keyColumn)}` : indent, 'accent'), ...part]);
			}
		}
	}
	return lines;
});
