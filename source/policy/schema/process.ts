import {z} from 'zod';
import {nonEmptyString, port} from './common.js';

export type ProcessNode = {
	name: string;
	exe: string[];
	id: string;
	euser?: string[];
	listeningSockets?: z.infer<typeof port>[];
	children?: ProcessNode[];
};

export const processNode: z.ZodType<ProcessNode> = z.strictObject({
	name: nonEmptyString,
	exe: z.array(nonEmptyString).min(1),
	id: nonEmptyString,
	euser: z.array(nonEmptyString).min(1).optional(),
	listeningSockets: z.array(port).optional(),
	get children() {
		return z.array(processNode).optional();
	},
}).meta({id: 'ProcessNode'});

/** A deviation may add children under a node the policy already has. */
export const policyNodeReference = z.strictObject({
	policyNode: z.strictObject({
		id: nonEmptyString,
		children: z.array(processNode).min(1),
	}),
});

export const deviationProcessEntry = z.union([processNode, policyNodeReference]);
