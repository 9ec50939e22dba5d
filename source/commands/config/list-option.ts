/**
 * Commander parser for filter options: values are comma or space separated,
 * and a repeated option adds to the list.
 */
export function collectList(value: string, previous: string[] | undefined): string[] {
	return [...(previous ?? []), ...value.split(/[\s,]+/).filter(item => item !== '')];
}
