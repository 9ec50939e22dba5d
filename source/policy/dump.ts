import jsyaml from 'js-yaml';
import {writeSchema} from './yaml-schema.js';

/** YAML as spyctl writes it: insertion order, no anchors, lists not indented under their key, no folded lines. */
export function toYaml(value: unknown): string {
	return jsyaml.dump(value, {schema: writeSchema, lineWidth: -1, noRefs: true, noArrayIndent: true});
}

export function toJson(value: unknown): string {
	return `${JSON.stringify(value, null, 2)}\n`;
}
