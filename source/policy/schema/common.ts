import {z} from 'zod';

export const apiVersion = z.literal('spyderbat/v1');

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const severity = z.enum(severities);

/** Epoch seconds, written by spyctl as a number and by some tools as a string. */
export const timestamp = z.union([z.number(), z.string()]);

export const nonEmptyString = z.string().min(1);
export const nonEmptyStringList = z.array(z.string()).min(1);
export const stringOrList = z.union([z.string(), z.array(z.string())]);

export const protocol = z.enum(['TCP', 'UDP']);

export const port = z
	.strictObject({
		protocol,
		port: z.int().min(0).max(65_535),
		endPort: z.int().min(0).max(65_535).optional(),
	})
	.check(context => {
		const {port: start, endPort} = context.value;
		if (endPort !== undefined && endPort < start) {
			context.issues.push({code: 'custom', input: endPort, path: ['endPort'], message: `endPort must be greater than or equal to port (${start})`});
		}
	});

export const workloadTypes = ['container', 'linux-service'] as const;
export const policyTypes = ['container', 'linux-service', 'cluster', 'trace'] as const;

/** Metadata keeps unknown keys: the server adds its own and spyctl passes them through. */
export const policyMetadata = z.looseObject({
	name: nonEmptyString,
	type: z.enum(policyTypes),
	uid: z.string().optional(),
	creationTimestamp: timestamp.optional(),
	firstTimestamp: timestamp.optional(),
	latestTimestamp: timestamp.optional(),
	version: z.int().optional(),
	selectorHash: z.string().optional(),
});

export const workloadMetadata = policyMetadata.extend({type: z.enum(workloadTypes)});
