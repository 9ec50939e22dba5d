import type {Document, ToStringOptions} from 'yaml';

/**
 * Close to how spyctl (PyYAML) writes, so that rewriting a spyctl file changes
 * only the edited lines: unindented sequences, no folding, `{a: b}` flow maps.
 */
export const spyctlYamlStyle: ToStringOptions = {lineWidth: 0, indentSeq: false, flowCollectionPadding: false};

export function documentText(document: Document): string {
	return document.toString(spyctlYamlStyle);
}
