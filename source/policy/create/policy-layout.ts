/** The response spyctl gives a new policy: flag every deviation, take no other action. */
export function responseTemplate(): Record<string, unknown> {
	return {default: [{makeRedFlag: {severity: 'high'}}], actions: []};
}

const trailingKeys = ['processPolicy', 'networkPolicy', 'response'];

/**
 * spyctl's spec key order for a created policy: selectors first, then the
 * switches (mode, enabled, disable…) as they stand, then processPolicy,
 * networkPolicy and response.
 */
export function orderSpec(spec: Record<string, unknown>): Record<string, unknown> {
	const keys = Object.keys(spec);
	const selectors = keys.filter(key => key.includes('Selector'));
	const switches = keys.filter(key => !key.includes('Selector') && !trailingKeys.includes(key));
	const ordered: Record<string, unknown> = {};
	for (const key of [...selectors, ...switches, ...trailingKeys]) if (spec[key] !== undefined) ordered[key] = spec[key];
	return ordered;
}
