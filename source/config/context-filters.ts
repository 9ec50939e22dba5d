/** The optional filters a context may carry, in the order spyctl lists them. */
export const filterNames = [
	'cluster',
	'namespace',
	'pod',
	'machines',
	'cgroup',
	'image',
	'imageID',
	'containerName',
	'containerID',
] as const;

export type FilterName = (typeof filterNames)[number];

/** Each filter is a list of values; spyctl also allows a single string on disk. */
export type ContextFilters = Partial<Record<FilterName, string[]>>;

/**
 * spyctl's own set-context writes the option names `image_id` and
 * `container_name`, so files in the wild carry both spellings.
 */
export const filterAliases = {
	image_id: 'imageID',
	container_name: 'containerName',
} as const satisfies Record<string, FilterName>;

export type FilterAlias = keyof typeof filterAliases;

export function isFilterAlias(key: string): key is FilterAlias {
	return Object.hasOwn(filterAliases, key);
}

export function countFilters(filters: ContextFilters): number {
	return Object.keys(filters).length;
}
