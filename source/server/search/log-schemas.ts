import {schemaMatches} from './schemas.js';

/** Where the old logs endpoint finds the records of a requested schema, and whether they need spyctl 0.13's `description`. */
export type LogSource = {table: 'deviations' | 'events'; schema: string; describe: boolean};

/**
 * spyctl 0.13 asked for `event_audit[:guardian_deviation|:guardian_action|:guardian_redflag|:guardian_opsflag]`,
 * later versions for `event_log[:guardian_deviation|:guardian_action|:guardian_flag]` and `event_deviation`.
 * The old names are read as the new ones: a 0.13 `guardian_deviation` audit
 * record carried the deviation itself, which is now the deviation record,
 * and both flag kinds are now `guardian_flag` events.
 */
const auditSubtypes = new Map([
	['guardian_action', 'event_log:guardian_action'],
	['guardian_redflag', 'event_log:guardian_flag'],
	['guardian_opsflag', 'event_log:guardian_flag'],
]);

/** The records behind a requested schema prefix, or undefined when there are none. */
export function logSource(requested: string): LogSource | undefined {
	if (schemaMatches('event_deviation', requested)) return {table: 'deviations', schema: requested, describe: false};
	if (schemaMatches('event_log', requested)) return {table: 'events', schema: requested, describe: false};
	if (requested === 'event_audit') return {table: 'events', schema: 'event_log', describe: true};
	if (!schemaMatches('event_audit', requested)) return undefined;
	const subtype = requested.split(':')[1]!;
	if (subtype === 'guardian_deviation') return {table: 'deviations', schema: 'event_deviation', describe: true};
	const schema = auditSubtypes.get(subtype);
	return schema ? {table: 'events', schema, describe: true} : undefined;
}

/** spyctl 0.13 printed an event's `description`; later versions print its `message`. */
export function withDescription(record: Record<string, unknown>): Record<string, unknown> {
	return record['description'] === undefined && typeof record['message'] === 'string' ? {...record, description: record['message']} : record;
}
