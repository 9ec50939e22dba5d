import {keyLabel} from './keys.js';
import {type Binding, keymap, type Scope, scopeTitles} from './keymap.js';
import {span, type Span} from './tone.js';

/** Scopes in the order a newcomer needs them. */
export const helpScopeOrder: readonly Scope[] = ['global', 'list', 'detail', 'filter', 'help'];

function keysText(binding: Binding): string {
	return binding.keys.map(key => keyLabel(key)).join(', ');
}

let lines: Span[][] | undefined;

/** The help overlay's lines: every binding of the keymap, grouped by where it works. */
export function helpLines(): Span[][] {
	if (!lines) {
		const keyColumn = Math.max(...keymap.map(binding => keysText(binding).length)) + 3;
		lines = [];
		for (const scope of helpScopeOrder) {
			const bindings = keymap.filter(binding => binding.scope === scope);
			if (bindings.length === 0) continue;
			if (lines.length > 0) lines.push([]);
			lines.push([span(scopeTitles[scope], 'heading')]);
			for (const binding of bindings) {
				lines.push([span(`  ${keysText(binding).padEnd(keyColumn)}`, 'accent'), span(binding.description)]);
			}
		}
	}
	return lines;
}
