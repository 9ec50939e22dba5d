import {severities} from '../../policy/schema/common.js';

/** The most severe of some severities (critical first, as the schema lists them); `info` when there are none. */
export function highestSeverity(values: ReadonlyArray<string | undefined>): string {
	const ranks = values.map(value => severities.indexOf(value as (typeof severities)[number])).filter(rank => rank >= 0);
	return ranks.length === 0 ? 'info' : severities[Math.min(...ranks)]!;
}
