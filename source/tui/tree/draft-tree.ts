import {currentDocument} from '../../operations/drafts.js';
import {diffPolicies} from '../../policy/diff/policy-diff.js';
import {formatPath} from '../../policy/problem.js';
import type {ServerRow} from '../server-rows.js';
import {span, type Span} from '../tone.js';
import {treeNode, type TreeNode} from './node.js';
import {asText, plural} from './values.js';

/**
 * What the draft changes, above the policy it shows: one line per changed
 * field, old → new. A draft the server has moved past says so first.
 */
export function draftNodes(row: ServerRow): TreeNode[] {
	const draft = row.draft;
	if (!draft) return [];
	const {changes} = diffPolicies(row.policy.policy as unknown as Record<string, unknown>, currentDocument(draft) as unknown as Record<string, unknown>);
	const children = changes.map((change, index) => {
		const path = formatPath(change.path) || '(the whole policy)';
		const label: Span[] =
			change.kind === 'changed'
				? [span('~ ', 'warn'), span(`${path}  `, 'key'), span(asText(change.before), 'error'), span(' → ', 'muted'), span(asText(change.after), 'success')]
				: change.kind === 'added'
					? [span('+ ', 'success'), span(`${path}  `, 'key'), span(asText(change.after), 'success')]
					: [span('- ', 'error'), span(`${path}  `, 'key'), span(asText(change.before), 'error')];
		return treeNode(`draft/${index}`, label);
	});
	const label: Span[] = row.stale
		? [span('draft', 'error'), span(`  based on version ${draft.baseVersion ?? '?'}; the server has version ${row.version ?? '?'}: a shows both changes`, 'error')]
		: [span('draft', 'warn'), span(`  not applied: ${plural(changes.length, 'change')} to the server copy (a applies, u undoes)`, 'muted')];
	return [treeNode('draft', label, children)];
}
