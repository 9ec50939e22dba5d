import {z} from 'zod';
import {severity} from './common.js';
import {actionSelectors} from './selectors.js';

const switchable = z.strictObject({enabled: z.boolean().optional()}).nullable();

/** Every action spytui accepts, from both spyctl generations (webhook is the older one's). */
export const actionBodies = {
	makeRedFlag: z.strictObject({
		severity,
		impact: z.string().max(100).optional(),
		content: z.string().max(350).optional(),
		enabled: z.boolean().optional(),
	}),
	makeOpsFlag: z.strictObject({
		severity,
		description: z.string().max(350).optional(),
		content: z.string().max(350).optional(),
		enabled: z.boolean().optional(),
	}),
	agentKillProcess: switchable,
	agentKillProcessGroup: switchable,
	agentKillProcessTree: switchable,
	agentKillPod: switchable,
	agentReniceProcess: z.strictObject({
		priority: z.union([z.string(), z.int()]),
		enabled: z.boolean().optional(),
	}),
	webhook: z.strictObject({
		urlDestination: z.url({protocol: /^https?$/}).max(2048),
		template: z.enum(['json', 'yaml', 'slack']),
	}),
};

export const actionNames = Object.keys(actionBodies) as Array<keyof typeof actionBodies>;
const selectorNames = Object.keys(actionSelectors);

const optionalBodies = Object.fromEntries(Object.entries(actionBodies).map(([name, body]) => [name, body.optional()])) as {
	[Name in keyof typeof actionBodies]: z.ZodOptional<(typeof actionBodies)[Name]>;
};

function actionEntry(scope: 'default' | 'actions') {
	return z.strictObject({...optionalBodies, ...actionSelectors}).check(context => {
		const keys = Object.keys(context.value);
		const actions = keys.filter(key => (actionNames as string[]).includes(key));
		const selectors = keys.filter(key => selectorNames.includes(key));
		if (actions.length === 0) {
			context.issues.push({code: 'custom', input: context.value, message: `an action entry needs one action: ${actionNames.join(', ')}`});
		} else if (actions.length > 1) {
			context.issues.push({
				code: 'custom',
				input: context.value,
				message: `Detected multiple action definitions in one action (${actions.join(', ')}). Each action definition must be a separate entry in the list.`,
			});
		}
		if (scope === 'default') {
			for (const selector of selectors) {
				context.issues.push({code: 'custom', input: context.value, path: [selector], message: 'default actions apply to the whole policy and take no selectors; move this entry to actions'});
			}
		} else if (selectors.length === 0) {
			context.issues.push({code: 'custom', input: context.value, message: `At least one selector required for non-default actions (${selectorNames.join(', ')}).`});
		}
	});
}

export const response = z
	.strictObject({
		default: z.array(actionEntry('default')),
		actions: z.array(actionEntry('actions')),
	})
	.meta({id: 'Response'});
