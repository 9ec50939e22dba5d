import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {toJson, toYaml} from '../../source/policy/dump.js';
import {loadDocuments} from '../../source/policy/load.js';
import {setSpecSwitch} from '../../source/policy/minimal-edit.js';
import {validateLoaded, validateObject} from '../../source/policy/validate.js';
import {containerPolicy, type Json, type JsonObject} from './helpers.js';

const numRuns = 200;

// ---------------------------------------------------------------------------
// Arbitraries for valid workload policies
// ---------------------------------------------------------------------------

/** Strings YAML is apt to read as something else. */
const trickyText = [
	'yes', 'no', 'on', 'off', 'null', '~', 'true', 'False', 'NULL', '0x1F', '0o17', '012', '1e3', '.inf', '-.5', '3.14',
	'0b101', '1_000', '2024-01-01', '12:30:00', '#not-a-comment', '- dash', 'key: value', "it's", '"quoted"', '*alias',
	'&anchor', '!tag', '%directive', '@at', '`tick', '[x]', '{y}', ' lead', 'trail ', 'multi\nline', 'tab\there', '<<', '=',
	'ünïcødé', '日本語', '😀', '?', '|', '>', "'",
];

const text = fc.oneof(
	fc.stringMatching(/^[a-z][a-z0-9._/-]{0,20}$/),
	fc.string({minLength: 1, maxLength: 20}),
	fc.string({unit: 'grapheme', minLength: 1, maxLength: 8}),
	fc.constantFrom(...trickyText),
);
const texts = (maxLength: number) => fc.array(text, {minLength: 1, maxLength});
const severity = fc.constantFrom('critical', 'high', 'medium', 'low', 'info');

/** Builds an object without the keys whose value is undefined, as a parsed file would hold it. */
function compact(entries: Record<string, Json | undefined>): JsonObject {
	const object: JsonObject = {};
	for (const [key, value] of Object.entries(entries)) if (value !== undefined) object[key] = value;
	return object;
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, {nil: undefined});

const port: fc.Arbitrary<JsonObject> = fc
	.record({protocol: fc.constantFrom('TCP', 'UDP'), port: fc.integer({min: 0, max: 65_535}), range: fc.boolean(), width: fc.nat()})
	.map(({protocol, port: start, range, width}) => compact({protocol, port: start, endPort: range ? start + (width % (65_536 - start)) : undefined}));

const v4Mask = (prefix: number) => (prefix === 0 ? 0 : (0xff_ff_ff_ff << (32 - prefix)) >>> 0);
const v4Text = (address: number) => [24, 16, 8, 0].map(shift => (address >>> shift) & 0xff).join('.');

const ipv4Block: fc.Arbitrary<JsonObject> = fc
	.record({address: fc.nat({max: 0xff_ff_ff_ff}), prefix: fc.integer({min: 0, max: 32}), bare: fc.boolean()})
	.chain(({address, prefix, bare}) => {
		const network = (address & v4Mask(prefix)) >>> 0;
		const cidr = bare && prefix === 32 ? v4Text(network) : `${v4Text(network)}/${prefix}`;
		const exception = fc.record({inner: fc.nat({max: 0xff_ff_ff_ff}), extra: fc.nat({max: 32})}).map(({inner, extra}) => {
			const innerPrefix = Math.min(32, prefix + extra);
			const innerNetwork = ((network | (inner & ~v4Mask(prefix))) & v4Mask(innerPrefix)) >>> 0;
			return `${v4Text(innerNetwork)}/${innerPrefix}`;
		});
		return optional(fc.array(exception, {maxLength: 10})).map(except => compact({cidr, except}));
	});

const v6Mask = (prefix: number) => (prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(128 - prefix));
const v6All = (1n << 128n) - 1n;
const v6Text = (address: bigint) => Array.from({length: 8}, (_, index) => ((address >> BigInt(112 - index * 16)) & 0xff_ffn).toString(16)).join(':');

const ipv6Block: fc.Arbitrary<JsonObject> = fc
	.record({address: fc.bigInt({min: 0n, max: v6All}), prefix: fc.integer({min: 0, max: 128}), bare: fc.boolean()})
	.chain(({address, prefix, bare}) => {
		const network = address & v6Mask(prefix);
		const cidr = bare && prefix === 128 ? v6Text(network) : `${v6Text(network)}/${prefix}`;
		const exception = fc.record({inner: fc.bigInt({min: 0n, max: v6All}), extra: fc.nat({max: 128})}).map(({inner, extra}) => {
			const innerPrefix = Math.min(128, prefix + extra);
			const innerNetwork = (network | (inner & ~v6Mask(prefix) & v6All)) & v6Mask(innerPrefix);
			return `${v6Text(innerNetwork)}/${innerPrefix}`;
		});
		return optional(fc.array(exception, {maxLength: 3})).map(except => compact({cidr, except}));
	});

const peer: fc.Arbitrary<JsonObject> = fc.oneof(
	ipv4Block.map(ipBlock => ({ipBlock})),
	ipv6Block.map(ipBlock => ({ipBlock})),
	texts(3).map(dnsSelector => ({dnsSelector})),
);

type Shape = {name: string; exe: string[]; euser?: string[]; listeningSockets?: JsonObject[]; children: Shape[]};

/** A process subtree at most `depth` levels below this node. */
function processTree(depth: number): fc.Arbitrary<Shape> {
	return fc.record({
		name: text,
		exe: texts(3),
		euser: optional(texts(2)),
		listeningSockets: optional(fc.array(port, {minLength: 1, maxLength: 2})),
		children: depth === 0 ? fc.constant([]) : fc.array(processTree(depth - 1), {maxLength: 2}),
	});
}

const tree = processTree(3);

/** Turns generated shapes into process nodes with ids unique across the whole tree. */
function numberTree(roots: Shape[]): {nodes: JsonObject[]; ids: string[]} {
	const ids: string[] = [];
	const build = (shape: Shape): JsonObject => {
		const id = `proc_${ids.length}`;
		ids.push(id);
		const children = shape.children.map(child => build(child));
		return compact({name: shape.name, exe: shape.exe, id, euser: shape.euser, listeningSockets: shape.listeningSockets, children: children.length > 0 ? children : undefined});
	};
	return {nodes: roots.map(root => build(root)), ids};
}

const labels = fc.dictionary(text, text, {minKeys: 1, maxKeys: 3, noNullPrototype: true});
const expression = fc.oneof(
	fc.record({key: text, operator: fc.constantFrom('In', 'NotIn'), values: texts(3)}, {noNullPrototype: true}),
	fc.record({key: text, operator: fc.constantFrom('Exists', 'DoesNotExist')}, {noNullPrototype: true}),
);
const labelSelector = fc.oneof(labels.map(matchLabels => ({matchLabels})), fc.array(expression, {minLength: 1, maxLength: 2}).map(matchExpressions => ({matchExpressions})));

const switchable = fc.oneof(fc.constant({}), fc.boolean().map(enabled => ({enabled})), fc.constant(null));

const defaultAction: fc.Arbitrary<JsonObject> = fc.oneof(
	fc
		.record({severity, impact: optional(fc.string({maxLength: 100})), content: optional(fc.string({maxLength: 350})), enabled: optional(fc.boolean())})
		.map(body => ({makeRedFlag: compact(body)})),
	fc.record({severity, description: optional(fc.string({maxLength: 350})), content: optional(fc.string({maxLength: 350}))}).map(body => ({makeOpsFlag: compact(body)})),
	fc.constantFrom('agentKillProcess', 'agentKillProcessGroup', 'agentKillProcessTree', 'agentKillPod').chain(name => switchable.map(body => ({[name]: body}))),
	fc.integer({min: -20, max: 19}).map(priority => ({agentReniceProcess: {priority: String(priority)}})),
);

/** spyctl's format: the selectors of a non-default action sit inside the action body. */
const actionSelector: fc.Arbitrary<JsonObject> = fc.oneof(
	labelSelector.map(selector => ({namespaceSelector: selector})),
	labelSelector.map(selector => ({podSelector: selector})),
	texts(2).map(name => ({processSelector: {name}})),
	text.map(image => ({containerSelector: {image}})),
	text.map(hostname => ({machineSelector: {hostname}})),
	text.map(name => ({clusterSelector: {matchFields: {name}}})),
);

const action: fc.Arbitrary<JsonObject> = fc.record({entry: defaultAction, selector: actionSelector}).map(({entry, selector}) => {
	const [name, body] = Object.entries(entry)[0]!;
	return {[name]: {...((body ?? {}) as JsonObject), ...selector}};
});

const rule = (direction: 'from' | 'to', ids: string[]) =>
	fc
		.record({peers: fc.array(peer, {minLength: 1, maxLength: 3}), ports: fc.array(port, {minLength: 1, maxLength: 3}), processes: optional(fc.subarray(ids, {minLength: 1}))})
		.map(({peers, ports, processes}) => compact({[direction]: peers, ports, processes}));

type GeneratedPolicy = {policy: JsonObject; mode: 'audit' | 'enforce'; enabled?: boolean};

const validPolicy = (withActions: boolean): fc.Arbitrary<GeneratedPolicy> =>
	fc
		.record({
			type: fc.constantFrom('container', 'linux-service'),
			name: text,
			latestTimestamp: optional(fc.double({min: 1_600_000_000, max: 1_800_000_000, noNaN: true})),
			uid: optional(fc.stringMatching(/^pol:[A-Za-z0-9]{20}$/)),
			image: text,
			cgroup: text,
			namespaceSelector: optional(labelSelector),
			podSelector: optional(labelSelector),
			machineSelector: optional(text.map(hostname => ({hostname}))),
			enabled: optional(fc.boolean()),
			mode: fc.constantFrom('audit' as const, 'enforce' as const),
			disableProcesses: optional(fc.constant('all')),
			disableConnections: optional(fc.constantFrom('all', 'egress', 'ingress')),
			roots: fc.array(tree, {minLength: 1, maxLength: 3}),
		})
		.chain(fields => {
			const {nodes, ids} = numberTree(fields.roots);
			return fc
				.record({
					ingress: fc.array(rule('from', ids), {maxLength: 3}),
					egress: fc.array(rule('to', ids), {maxLength: 3}),
					defaults: fc.array(defaultAction, {minLength: 1, maxLength: 3}),
					actions: withActions ? fc.array(action, {maxLength: 2}) : fc.constant<JsonObject[]>([]),
				})
				.map(({ingress, egress, defaults, actions}) => {
					const selector = fields.type === 'container' ? {containerSelector: {image: fields.image}} : {serviceSelector: {cgroup: fields.cgroup}};
					const spec = compact({
						...selector,
						namespaceSelector: fields.namespaceSelector,
						podSelector: fields.podSelector,
						machineSelector: fields.machineSelector,
						enabled: fields.enabled,
						mode: fields.mode,
						disableProcesses: fields.disableProcesses,
						disableConnections: fields.disableConnections,
						processPolicy: nodes,
						networkPolicy: {ingress, egress},
						response: {default: defaults, actions},
					});
					const metadata = compact({name: fields.name, type: fields.type, latestTimestamp: fields.latestTimestamp, uid: fields.uid});
					return {policy: {apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata, spec}, mode: fields.mode, enabled: fields.enabled};
				});
		});

function loadOne(text: string): Record<string, unknown> {
	const result = loadDocuments(text, 'generated');
	expect(result.problems).toEqual([]);
	expect(result.objects).toHaveLength(1);
	return result.objects[0]!.value;
}

// ---------------------------------------------------------------------------
// (a) Mutations never make validation throw
// ---------------------------------------------------------------------------

type Mutation = {kind: 'delete' | 'replace' | 'rename' | 'duplicate' | 'insert'; pick: number; key: string; value: Json};

const mutation: fc.Arbitrary<Mutation> = fc.record({
	kind: fc.constantFrom('delete', 'replace', 'rename', 'duplicate', 'insert'),
	pick: fc.nat(),
	key: fc.oneof(fc.string({maxLength: 12}), fc.constantFrom('spec', 'mode', 'id', 'children', 'processes', 'ipBlock', 'cidr', 'except', 'port', 'endPort', 'severity', 'kind', 'type', 'podSelector', 'items', '__proto__', 'constructor')),
	value: fc.jsonValue({maxDepth: 3}) as fc.Arbitrary<Json>,
});

type Container = JsonObject | Json[];

/** Every object or list inside `root`, root included. */
function containers(root: Json): Container[] {
	if (typeof root !== 'object' || root === null) return [];
	const children = Array.isArray(root) ? root : Object.values(root);
	return [root, ...children.flatMap(child => containers(child))];
}

function applyMutation(root: JsonObject, {kind, pick, key, value}: Mutation): void {
	const all = containers(root);
	const target = all[pick % all.length]!;
	const keys: Array<string | number> = Array.isArray(target) ? target.map((_, index) => index) : Object.keys(target);
	const chosen = keys.length > 0 ? keys[pick % keys.length]! : undefined;
	const record = target as Record<string | number, Json>;
	switch (kind) {
		case 'delete': {
			if (chosen === undefined) return;
			if (Array.isArray(target)) target.splice(Number(chosen), 1);
			else delete record[chosen];
			return;
		}
		case 'replace': {
			if (chosen !== undefined) record[chosen] = value;
			return;
		}
		case 'rename': {
			if (Array.isArray(target) || chosen === undefined) return;
			const old = record[chosen]!;
			delete record[chosen];
			Object.defineProperty(target, key, {value: old, enumerable: true, writable: true, configurable: true});
			return;
		}
		case 'duplicate': {
			const list = all.filter(candidate => Array.isArray(candidate) && candidate.length > 0) as Json[][];
			if (list.length === 0) return;
			const chosenList = list[pick % list.length]!;
			chosenList.push(structuredClone(chosenList[pick % chosenList.length]!));
			return;
		}
		case 'insert': {
			if (Array.isArray(target)) target.splice(pick % (target.length + 1), 0, value);
			else Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true});
			return;
		}
	}
}

function expectWellFormedProblems(problems: unknown): void {
	expect(Array.isArray(problems)).toBe(true);
	for (const problem of problems as Array<{path: unknown; message: unknown}>) {
		expect(Array.isArray(problem.path)).toBe(true);
		for (const segment of problem.path as unknown[]) expect(['string', 'number']).toContain(typeof segment);
		expect(typeof problem.message).toBe('string');
		expect((problem.message as string).length).toBeGreaterThan(0);
	}
}

describe('(a) mutated policies never make validation throw', () => {
	const start = fc.oneof(
		fc.constant(containerPolicy()),
		validPolicy(true).map(({policy}) => policy),
	);

	test('validateObject returns a list of problems with array paths', () => {
		fc.assert(
			fc.property(start, fc.array(mutation, {minLength: 1, maxLength: 5}), (policy, mutations) => {
				const mutated = structuredClone(policy);
				for (const change of mutations) applyMutation(mutated, change);
				let problems: unknown;
				expect(() => {
					problems = validateObject(mutated);
				}).not.toThrow();
				expectWellFormedProblems(problems);
			}),
			{numRuns},
		);
	});

	test('loading and validating the mutated text never throws and places every problem', () => {
		fc.assert(
			fc.property(start, fc.array(mutation, {minLength: 1, maxLength: 5}), fc.boolean(), (policy, mutations, asJson) => {
				const mutated = structuredClone(policy);
				for (const change of mutations) applyMutation(mutated, change);
				const text = asJson ? JSON.stringify(mutated, null, 2) : toYaml(mutated);
				expect(() => {
					const result = loadDocuments(text, 'mutated');
					for (const problem of validateLoaded(result.objects)) {
						expect(problem.file).toBe('mutated');
						expect(typeof problem.path).toBe('string');
						expect(problem.line).toBeGreaterThanOrEqual(1);
					}
				}).not.toThrow();
			}),
			{numRuns},
		);
	});

	test('arbitrary JSON values as whole objects never make validation throw', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom('apiVersion', 'kind', 'metadata', 'spec', 'data', 'x'), fc.jsonValue({maxDepth: 4}) as fc.Arbitrary<Json>), fc.constantFrom('SpyderbatPolicy', 'SpyderbatBaseline', 'SpyderbatFingerprint', 'FingerprintGroup', 'GuardianDeviation', 'SpyderbatRuleset', 'UidList'), (object, kind) => {
				expectWellFormedProblems(validateObject({...object, kind}));
			}),
			{numRuns},
		);
	});
});

// ---------------------------------------------------------------------------
// (b) Generated valid policies validate and survive a round trip
// ---------------------------------------------------------------------------

describe('(b) generated valid policies', () => {
	test('validate with zero problems (no non-default actions)', () => {
		fc.assert(
			fc.property(validPolicy(false), ({policy}) => {
				expect(validateObject(policy)).toEqual([]);
			}),
			{numRuns},
		);
	});

	test('validate with zero problems (with spyctl-format non-default actions)', () => {
		fc.assert(
			fc.property(validPolicy(true), ({policy}) => {
				expect(validateObject(policy)).toEqual([]);
			}),
			{numRuns},
		);
	});

	test('survive toYaml → loadDocuments', () => {
		fc.assert(
			fc.property(validPolicy(true), ({policy}) => {
				expect(loadOne(toYaml(policy))).toStrictEqual(policy);
			}),
			{numRuns},
		);
	});

	test('survive JSON.stringify → loadDocuments (compact and pretty)', () => {
		fc.assert(
			fc.property(validPolicy(true), ({policy}) => {
				expect(loadOne(JSON.stringify(policy))).toStrictEqual(policy);
				expect(loadOne(toJson(policy))).toStrictEqual(policy);
			}),
			{numRuns},
		);
	});

	test.each(['0b101', '1_000', '0o17', '0x1F', 'yes', '2024-01-01', '~', 'null'])('the text %j survives toYaml → loadDocuments', value => {
		const policy = {apiVersion: 'spyderbat/v1', kind: 'SpyderbatPolicy', metadata: {name: value, type: 'container'}};
		expect(loadOne(toYaml(policy))).toStrictEqual(policy);
	});
});

// ---------------------------------------------------------------------------
// (c) A switch set and set back restores the exact text
// ---------------------------------------------------------------------------

describe('(c) setSpecSwitch there and back restores the original text', () => {
	const formats = {
		yaml: (policy: JsonObject) => toYaml(policy),
		json: (policy: JsonObject) => toJson(policy),
		compactJson: (policy: JsonObject) => JSON.stringify(policy),
	};
	const format = fc.constantFrom(...(Object.keys(formats) as Array<keyof typeof formats>));

	test('mode', () => {
		fc.assert(
			fc.property(validPolicy(false), format, ({policy, mode}, name) => {
				const original = formats[name](policy);
				const other = mode === 'audit' ? 'enforce' : 'audit';
				const changed = setSpecSwitch(loadDocuments(original, 'p').objects[0]!, {key: 'mode', value: other});
				expect(changed).not.toBe(original);
				expect((loadOne(changed)['spec'] as JsonObject)['mode']).toBe(other);
				expect(setSpecSwitch(loadDocuments(changed, 'p').objects[0]!, {key: 'mode', value: mode})).toBe(original);
			}),
			{numRuns},
		);
	});

	test('enabled, when present', () => {
		fc.assert(
			fc.property(validPolicy(false), format, ({policy, enabled}, name) => {
				fc.pre(enabled !== undefined);
				const original = formats[name](policy);
				const changed = setSpecSwitch(loadDocuments(original, 'p').objects[0]!, {key: 'enabled', value: !enabled});
				expect((loadOne(changed)['spec'] as JsonObject)['enabled']).toBe(!enabled);
				expect(setSpecSwitch(loadDocuments(changed, 'p').objects[0]!, {key: 'enabled', value: enabled!})).toBe(original);
			}),
			{numRuns},
		);
	});
});
