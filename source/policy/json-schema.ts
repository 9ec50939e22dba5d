import {z} from 'zod';
import {type Kind, publishedSchemaFor} from './schema/kinds.js';

/** The JSON Schema of a kind, derived from the same schema code that validates it. */
export function jsonSchemaFor(kind: Kind): Record<string, unknown> {
	const schema = z.toJSONSchema(publishedSchemaFor(kind), {io: 'input', unrepresentable: 'any'}) as Record<string, unknown>;
	return {...schema, title: kind};
}
