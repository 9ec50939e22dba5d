import {stringify} from 'yaml';

/** YAML as spyctl writes it: insertion order, no anchors, no folded lines. */
export function toYaml(value: unknown): string {
	return stringify(value, {lineWidth: 0, aliasDuplicateObjects: false});
}

export function toJson(value: unknown): string {
	return `${JSON.stringify(value, null, 2)}\n`;
}
