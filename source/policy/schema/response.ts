import {z} from 'zod';
import {severity} from './common.js';
import {actionSelectors} from './selectors.js';

/** What each action takes, before any selectors (spyctl's Default*Model). */
const actionFields = {
	makeRedFlag: {
		severity,
		impact: z.string().max(100).optional(),
		content: z.string().max(350).optional(),
		enabled: z.boolean().optional(),
	},
	makeOpsFlag: {
		severity,
		description: z.string().max(350).optional(),
		content: z.string().max(350).optional(),
	},
	agentKillProcess: {enabled: z.boolean().optional()},
	agentKillProcessGroup: {enabled: z.boolean().optional()},
	agentKillProcessTree: {enabled: z.boolean().optional()},
	agentKillPod: {enabled: z.boolean().optional()},
	agentReniceProcess: {
		priority: z.union([z.string(), z.int()]),
		enabled: z.boolean().optional(),
	},
	// The older spyctl generation's notification action.
	webhook: {
		urlDestination: z.url({protocol: /^https?$/}).max(2048),
		template: z.enum(['json', 'yaml', 'slack']),
	},
} satisfies Record<string, z.ZodRawShape>;

export type ActionName = keyof typeof actionFields;
export const actionNames = Object.keys(actionFields) as ActionName[];
const selectorNames = Object.keys(actionSelectors);
const withoutRequiredFields = new Set<string>(['agentKillProcess', 'agentKillProcessGroup', 'agentKillProcessTree', 'agentKillPod']);

/** Default actions cover the whole policy; scoped actions carry their selectors inside the action body. */
function actionBody(name: ActionName, scope: 'default' | 'actions') {
	const body = scope === 'default' ? z.strictObject(actionFields[name]) : z.strictObject({...actionFields[name], ...actionSelectors});
	// `agentKillPod:` with nothing after it names an action that needs no settings.
	return withoutRequiredFields.has(name) ? body.nullable() : body;
}

function actionEntry(scope: 'default' | 'actions') {
	const bodies = Object.fromEntries(actionNames.map(name => [name, actionBody(name, scope).optional()]));
	return z.strictObject(bodies).check(context => {
		const present = Object.keys(context.value).filter(key => (actionNames as string[]).includes(key));
		if (present.length === 0) {
			context.issues.push({code: 'custom', input: context.value, message: `an action entry needs one action: ${actionNames.join(', ')}`});
		} else if (present.length > 1) {
			context.issues.push({
				code: 'custom',
				input: context.value,
				message: `Detected multiple action definitions in one action (${present.join(', ')}). Each action definition must be a separate entry in the list.`,
			});
		}
		if (scope === 'actions') {
			for (const name of present) {
				const body = (context.value as Record<string, Record<string, unknown> | null | undefined>)[name];
				if (!body || !Object.keys(body).some(key => selectorNames.includes(key))) {
					context.issues.push({
						code: 'custom',
						input: body,
						path: [name],
						message: `At least one selector required for non-default actions (${selectorNames.join(', ')}).`,
					});
				}
			}
		}
	});
}

export const response = z
	.strictObject({
		default: z.array(actionEntry('default')),
		actions: z.array(actionEntry('actions')),
	})
	.meta({id: 'Response'});
