import type {RecordTable} from '../store/records.js';

/** The search schemas spytui serves, by their first part, and the table their records live in. */
const tables = new Map<string, RecordTable>([
	['event_deviation', 'deviations'],
	['event_log', 'events'],
	['model_fingerprint', 'fingerprints'],
]);

export const servedSchemas = [...tables.keys()];

/** The table behind a schema such as `event_log:guardian_flag`, or undefined when spytui does not serve it. */
export function tableOfSchema(schema: string): RecordTable | undefined {
	return tables.get(schema.split(':')[0]!);
}

/**
 * Whether a record's schema falls under the requested one. Schemas are
 * `:`-separated paths (`event_log:guardian_flag:1.0.0`), so a request matches
 * itself and everything below it, but `event_log:guardian` does not match
 * `event_log:guardian_flag`.
 */
export function schemaMatches(requested: string, recordSchema: unknown): boolean {
	return typeof recordSchema === 'string' && (recordSchema === requested || recordSchema.startsWith(`${requested}:`));
}
