import {z} from 'zod';
import {apiVersion, configKind, secretKind} from './spyctl-format.js';
import {type ContextFilters, type FilterAlias, type FilterName, filterAliases, filterNames, isFilterAlias} from './context-filters.js';

const filterValue = z.union([z.string(), z.array(z.string())], {error: 'must be a string or a list of strings'});

const filterShape = Object.fromEntries(
	[...filterNames, ...Object.keys(filterAliases)].map(name => [name, filterValue.optional()]),
) as Record<FilterName | FilterAlias, z.ZodOptional<typeof filterValue>>;

const contextFields = z
	.strictObject({organization: z.string().min(1), ...filterShape})
	.transform(({organization, ...raw}) => {
		const filters: ContextFilters = {};
		for (const [key, value] of Object.entries(raw)) {
			if (value === undefined) continue;
			const alias = isFilterAlias(key);
			const name = alias ? filterAliases[key] : (key as FilterName);
			// The canonical spelling wins when a file has both.
			if (alias && filters[name] !== undefined) continue;
			filters[name] = typeof value === 'string' ? [value] : value;
		}
		return {organization, filters};
	});

const contextEntry = z
	.strictObject({name: z.string().min(1), secret: z.string().min(1), context: contextFields})
	.transform(({name, secret, context}) => ({name, secret, ...context}));

export const configFileSchema = z.strictObject({
	apiVersion: z.literal(apiVersion),
	kind: z.literal(configKind),
	contexts: z.array(contextEntry),
	'current-context': z.string(),
});

export type ConfigFileData = z.infer<typeof configFileSchema>;
/** One context as read from disk, filters normalised to lists and camelCase names. */
export type ContextEntry = ConfigFileData['contexts'][number];

const credentials = z.looseObject({apikey: z.string().min(1).optional(), apiurl: z.string().min(1).optional()});

const apiSecret = z
	.looseObject({
		apiVersion: z.literal(apiVersion),
		kind: z.literal(secretKind),
		metadata: z.looseObject({name: z.string().min(1), creationTimestamp: z.number().optional()}),
		data: credentials.optional(),
		stringData: credentials.optional(),
	})
	.check(context => {
		const {data, stringData} = context.value;
		if (data?.apikey === undefined && stringData?.apikey === undefined) {
			context.issues.push({code: 'custom', path: ['stringData', 'apikey'], input: context.value, message: 'is required'});
		}
	});

/** spyctl creates the secrets file empty, so an empty document means no secrets. */
export const secretsFileSchema = z.array(apiSecret);

export type ApiSecretData = z.infer<typeof apiSecret>;
