import {z} from 'zod';
import {intendedNetwork, isSubnetOf, parseNetwork} from '../cidr.js';
import {nonEmptyString, port} from './common.js';

const maximumExceptions = 10;

export const ipBlock = z
	.strictObject({
		cidr: z.string(),
		except: z.array(z.string()).max(maximumExceptions).optional(),
	})
	.check(context => {
		const {cidr, except = []} = context.value;
		const outer = parseNetwork(cidr);
		if (!outer) {
			context.issues.push({code: 'custom', input: cidr, path: ['cidr'], message: `'${cidr}' is not a valid IPv4 or IPv6 network`});
			return;
		}
		const meant = intendedNetwork(outer);
		if (meant) context.issues.push({code: 'custom', input: cidr, path: ['cidr'], message: `'${cidr}' has host bits set; did you mean '${meant}'?`});
		for (const [index, text] of except.entries()) {
			const inner = parseNetwork(text);
			const path = ['except', index];
			if (!inner) context.issues.push({code: 'custom', input: text, path, message: `'${text}' is not a valid IPv4 or IPv6 network`});
			else if (inner.family !== outer.family) context.issues.push({code: 'custom', input: text, path, message: `Network types are not the same: '${text}' and '${cidr}'`});
			else if (intendedNetwork(inner)) context.issues.push({code: 'custom', input: text, path, message: `'${text}' has host bits set; did you mean '${intendedNetwork(inner)}'?`});
			else if (!isSubnetOf(inner, outer)) context.issues.push({code: 'custom', input: text, path, message: `'${text}' is not a subnet of '${cidr}'`});
		}
	});

export const peer = z
	.strictObject({
		ipBlock: ipBlock.optional(),
		dnsSelector: z.array(nonEmptyString).min(1).optional(),
	})
	.check(context => {
		if (context.value.ipBlock === undefined && context.value.dnsSelector === undefined) {
			context.issues.push({code: 'custom', input: context.value, message: 'a peer needs ipBlock or dnsSelector'});
		}
	});

const processIds = z.array(nonEmptyString).min(1);

export const ingressRule = z.strictObject({
	from: z.array(peer).min(1),
	ports: z.array(port).min(1),
	processes: processIds.optional(),
});

export const egressRule = z.strictObject({
	to: z.array(peer).min(1),
	ports: z.array(port).min(1),
	processes: processIds.optional(),
});

export const networkPolicy = z
	.strictObject({
		ingress: z.array(ingressRule),
		egress: z.array(egressRule),
	})
	.meta({id: 'NetworkPolicy'});

/** Deviations carry only the direction that deviated. */
export const partialNetworkPolicy = z.strictObject({
	ingress: z.array(ingressRule).optional(),
	egress: z.array(egressRule).optional(),
});
