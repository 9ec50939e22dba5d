import {z} from 'zod';
import {nonEmptyString, nonEmptyStringList, stringOrList} from './common.js';

const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

function expressionOf(key: z.ZodType<string>) {
	return z
		.strictObject({
			key,
			operator: z.enum(operators),
			values: z.array(z.string()).optional(),
		})
		.check(context => {
		const {operator, values} = context.value;
		const needsValues = operator === 'In' || operator === 'NotIn';
		if (needsValues && (values === undefined || values.length === 0)) {
			context.issues.push({code: 'custom', input: values, path: ['values'], message: `values are required when operator is ${operator}`});
		}
		if (!needsValues && values !== undefined) {
			context.issues.push({code: 'custom', input: values, path: ['values'], message: `values must not be set when operator is ${operator}`});
		}
	});
}

export const expression = expressionOf(nonEmptyString);

function matchFields<const Keys extends readonly [string, ...string[]]>(keys: Keys) {
	return {
		matchFields: z.partialRecord(z.enum(keys), z.string()).optional(),
		matchFieldsExpressions: z.array(expressionOf(z.enum(keys))).optional(),
	};
}

const anyMatchFields = {
	matchFields: z.record(z.string(), z.string()).optional(),
	matchFieldsExpressions: z.array(expression).optional(),
};

/** A selector must say something: an empty one would match every workload. */
function atLeastOneField<T extends z.ZodObject>(schema: T, name: string) {
	return schema.check(context => {
		const set = Object.values(context.value as Record<string, unknown>).filter(value => value !== undefined);
		if (set.length === 0) context.issues.push({code: 'custom', input: context.value, message: `${name} needs at least one field`});
	});
}

export const containerSelector = atLeastOneField(
	z.strictObject({
		image: z.string().optional(),
		imageID: z.string().optional(),
		containerName: z.string().optional(),
		containerID: z.string().optional(),
		...matchFields(['image', 'imageID', 'containerName', 'containerID']),
	}),
	'containerSelector',
);

export const serviceSelector = atLeastOneField(
	z.strictObject({
		cgroup: z.string().optional(),
		...matchFields(['cgroup', 'name']),
	}),
	'serviceSelector',
);

export const clusterSelector = atLeastOneField(z.strictObject({...matchFields(['name', 'uid'])}), 'clusterSelector');

export const machineSelector = atLeastOneField(
	z.strictObject({
		hostname: stringOrList.optional(),
		machineUID: stringOrList.optional(),
		...matchFields(['hostname', 'sourceName', 'uid']),
	}),
	'machineSelector',
);

const labelSelector = (name: string) =>
	z
		.strictObject({
			matchLabels: z.record(z.string(), z.string()).optional(),
			matchExpressions: z.array(expression).optional(),
		})
		.check(context => {
			const {matchLabels = {}, matchExpressions = []} = context.value;
			if (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0) {
				context.issues.push({code: 'custom', input: context.value, message: `${name} needs matchLabels or matchExpressions`});
			}
		});

export const namespaceSelector = labelSelector('namespaceSelector');
export const podSelector = labelSelector('podSelector');

export const processSelector = atLeastOneField(
	z.strictObject({
		name: nonEmptyStringList.optional(),
		exe: nonEmptyStringList.optional(),
		euser: nonEmptyStringList.optional(),
		interactive: z.boolean().optional(),
	}),
	'processSelector',
);

export const traceSelector = atLeastOneField(
	z.strictObject({
		triggerClass: z.array(z.string()).optional(),
		triggerAncestors: z.array(z.string()).optional(),
		...anyMatchFields,
	}),
	'traceSelector',
);

export const userSelector = atLeastOneField(
	z.strictObject({
		users: z.array(z.string()).optional(),
		interactiveUsers: z.array(z.string()).optional(),
		nonInteractiveUsers: z.array(z.string()).optional(),
		...anyMatchFields,
	}),
	'userSelector',
);

/** The selectors a workload spec may carry, by key. */
export const workloadSelectors = {
	containerSelector: containerSelector.optional(),
	serviceSelector: serviceSelector.optional(),
	clusterSelector: clusterSelector.optional(),
	machineSelector: machineSelector.optional(),
	namespaceSelector: namespaceSelector.optional(),
	podSelector: podSelector.optional(),
};

/** Selectors that may scope a response action (both spyctl generations). */
export const actionSelectors = {
	namespaceSelector: namespaceSelector.optional(),
	podSelector: podSelector.optional(),
	processSelector: processSelector.optional(),
	clusterSelector: clusterSelector.optional(),
	containerSelector: containerSelector.optional(),
	machineSelector: machineSelector.optional(),
	serviceSelector: serviceSelector.optional(),
};
