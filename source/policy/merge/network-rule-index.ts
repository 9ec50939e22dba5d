import {OrderedRules} from './network-ordered-rules.js';
import type {PortRange} from './network-ports.js';
import type {WorkRule} from './network-rule.js';

/**
 * Finds the rules of one direction that could contain a rule, or lie within
 * it, without comparing every pair: containment needs port ranges inside port
 * ranges, and most rules name single ports, so rules are filed by their exact
 * ranges and only rules with a wider range are scanned. A deviation merged
 * into a policy with a thousand rules then meets a handful of them. Each
 * group is in output order (see OrderedRules).
 */
export class RuleIndex {
	private readonly all = new OrderedRules();
	private readonly byRange = new Map<string, OrderedRules>();
	private readonly byProtocol = new Map<PortRange['protocol'], OrderedRules>();
	private readonly withWideRange = new Map<PortRange['protocol'], OrderedRules>();
	private readonly withoutPorts = new OrderedRules();

	add(rule: WorkRule): void {
		this.all.add(rule);
		if (rule.ports.length === 0) this.withoutPorts.add(rule);
		for (const range of rule.ports) {
			fileUnder(this.byRange, range.key, rule);
			fileUnder(this.byProtocol, range.protocol, rule);
			if (range.endPort > range.port) fileUnder(this.withWideRange, range.protocol, rule);
		}
	}

	/** Takes `rule` out of the groups it was filed under when its ports were `ports`. */
	remove(rule: WorkRule, ports: readonly PortRange[] = rule.ports): void {
		this.all.delete(rule);
		this.withoutPorts.delete(rule);
		for (const range of ports) {
			this.byRange.get(range.key)?.delete(rule);
			this.byProtocol.get(range.protocol)?.delete(rule);
			this.withWideRange.get(range.protocol)?.delete(rule);
		}
	}

	/** Groups of rules that hold every rule `rule` can lie within (and others): those with a range holding its first range. */
	mayContain(rule: WorkRule): Array<OrderedRules | undefined> {
		const first = rule.ports[0];
		if (!first) return [this.all];
		return [this.byRange.get(first.key), this.withWideRange.get(first.protocol), this.withoutPorts];
	}

	/** Groups of rules that hold every rule that can lie within `rule` (and others): their first range is one of its ranges or inside one. */
	mayLieWithin(rule: WorkRule): Array<OrderedRules | undefined> {
		const groups: Array<OrderedRules | undefined> = [this.withoutPorts];
		for (const range of rule.ports) groups.push(range.endPort > range.port ? this.byProtocol.get(range.protocol) : this.byRange.get(range.key));
		return groups;
	}
}

function fileUnder<K>(map: Map<K, OrderedRules>, key: K, rule: WorkRule): void {
	let rules = map.get(key);
	if (!rules) map.set(key, (rules = new OrderedRules()));
	rules.add(rule);
}
