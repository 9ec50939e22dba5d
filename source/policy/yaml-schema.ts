import jsyaml from 'js-yaml';

/** YAML 1.2 core types plus `<<` merge keys, which PyYAML (spyctl) expands. */
const withMergeKeys = jsyaml.CORE_SCHEMA.extend({implicit: [(jsyaml as unknown as {types: {merge: jsyaml.Type}}).types.merge]});

/**
 * Checking every scalar for `<<` makes reading a third slower, so only text
 * that has one pays for it.
 */
export function readSchemaFor(text: string): jsyaml.Schema {
	return text.includes('<<') ? withMergeKeys : jsyaml.CORE_SCHEMA;
}

/**
 * The writer quotes any text the reader would take for another type (a number,
 * a merge key, YAML 1.1's yes/no/on/off), so a saved value reads back as itself.
 */
export const writeSchema = withMergeKeys;
