import {describe, expect, test} from 'vitest';
import {loadDocuments} from '../../source/policy/load.js';
import {setSpecSwitch} from '../../source/policy/minimal-edit.js';
import {containerPolicy, loadedObject, withValue} from './helpers.js';

const blockPolicy = `# A hand-written policy: comments, odd spacing and order must survive.
apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata:
  name: web-policy   # the name
  type: container
spec:
  # which containers
  containerSelector:
    image: "docker.io/library/nginx:*"
  enabled: true
  mode: audit   # start in audit
  processPolicy:
  - name: nginx
    exe: [/usr/sbin/nginx]
    id: nginx_0
    euser: [root]
  networkPolicy:
    ingress: []
    egress: []
  response:
    default:
    - makeRedFlag:
        severity: high
    actions: []
`;

/** The one index at which two equally long line arrays differ; fails unless exactly one does. */
function onlyChangedLine(before: string, after: string): number {
	const old = before.split('\n');
	const changed = after.split('\n');
	expect(changed).toHaveLength(old.length);
	const differing = old.flatMap((line, index) => (line === changed[index] ? [] : [index]));
	expect(differing).toHaveLength(1);
	return differing[0]!;
}

/** The index of the single line `after` adds to `before`; fails unless that is the only change. */
function onlyInsertedLine(before: string, after: string): number {
	const old = before.split('\n');
	const changed = after.split('\n');
	expect(changed).toHaveLength(old.length + 1);
	let index = 0;
	while (index < old.length && old[index] === changed[index]) index++;
	expect(changed.slice(index + 1)).toEqual(old.slice(index));
	return index;
}

describe('changing an existing key changes exactly one line', () => {
	test('block YAML with comments: mode', () => {
		const after = setSpecSwitch(loadedObject(blockPolicy), {key: 'mode', value: 'enforce'});
		const line = onlyChangedLine(blockPolicy, after);
		expect(after.split('\n')[line]).toBe('  mode: enforce   # start in audit');
	});

	test('block YAML with comments: enabled', () => {
		const after = setSpecSwitch(loadedObject(blockPolicy), {key: 'enabled', value: false});
		const line = onlyChangedLine(blockPolicy, after);
		expect(after.split('\n')[line]).toBe('  enabled: false');
	});

	test('setting the value it already has changes nothing', () => {
		expect(setSpecSwitch(loadedObject(blockPolicy), {key: 'mode', value: 'audit'})).toBe(blockPolicy);
	});

	test('flow-style spec', () => {
		const text = `apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata: {name: web, type: container}
spec: {containerSelector: {image: nginx}, enabled: true, mode: enforce, processPolicy: [{name: nginx, exe: [/usr/sbin/nginx], id: nginx_0}], networkPolicy: {ingress: [], egress: []}, response: {default: [{makeRedFlag: {severity: high}}], actions: []}}
`;
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'audit'});
		const line = onlyChangedLine(text, after);
		expect(after.split('\n')[line]).toBe(text.split('\n')[line]!.replace('mode: enforce', 'mode: audit'));
		const disabled = setSpecSwitch(loadedObject(text), {key: 'enabled', value: false});
		expect(disabled.split('\n')[onlyChangedLine(text, disabled)]).toContain('enabled: false, mode: enforce');
	});

	test("single-quoted values stay single-quoted, double-quoted stay double-quoted", () => {
		const single = blockPolicy.replace('mode: audit', "mode: 'audit'");
		const afterSingle = setSpecSwitch(loadedObject(single), {key: 'mode', value: 'enforce'});
		expect(afterSingle.split('\n')[onlyChangedLine(single, afterSingle)]).toBe("  mode: 'enforce'   # start in audit");
		const double = blockPolicy.replace('mode: audit', 'mode: "audit"');
		const afterDouble = setSpecSwitch(loadedObject(double), {key: 'mode', value: 'enforce'});
		expect(afterDouble.split('\n')[onlyChangedLine(double, afterDouble)]).toBe('  mode: "enforce"   # start in audit');
	});

	test('pretty-printed JSON stays valid JSON', () => {
		const text = `${JSON.stringify(withValue(containerPolicy(), 'spec.enabled', true), null, 2)}\n`;
		const after = setSpecSwitch(loadedObject(text, 0, 'p.json'), {key: 'mode', value: 'enforce'});
		expect(after.split('\n')[onlyChangedLine(text, after)]).toBe('    "mode": "enforce",');
		expect(JSON.parse(after)).toEqual(withValue(withValue(containerPolicy(), 'spec.enabled', true), 'spec.mode', 'enforce'));
		const disabled = setSpecSwitch(loadedObject(text, 0, 'p.json'), {key: 'enabled', value: false});
		onlyChangedLine(text, disabled);
		expect(JSON.parse(disabled).spec.enabled).toBe(false);
	});

	test('a multi-document file: only the chosen document changes', () => {
		const text = `${blockPolicy}---\n${blockPolicy.replace('web-policy', 'second-policy')}`;
		const second = loadedObject(text, 1);
		const after = setSpecSwitch(second, {key: 'mode', value: 'enforce'});
		const line = onlyChangedLine(text, after);
		expect(line).toBeGreaterThan(blockPolicy.split('\n').length);
		const reloaded = loadDocuments(after, 'policy.yaml').objects.map(object => (object.value['spec'] as Record<string, unknown>)['mode']);
		expect(reloaded).toEqual(['audit', 'enforce']);
	});

	test('an items list: only the chosen item changes', () => {
		const items = [containerPolicy(), withValue(containerPolicy(), 'metadata.name', 'second'), withValue(containerPolicy(), 'metadata.name', 'third')];
		const text = `${JSON.stringify({apiVersion: 'spyderbat/v1', items}, null, 2)}\n`;
		const middle = loadedObject(text, 1, 'list.json');
		expect(middle.path).toEqual(['items', 1]);
		const after = setSpecSwitch(middle, {key: 'mode', value: 'enforce'});
		onlyChangedLine(text, after);
		const modes = (JSON.parse(after) as {items: Array<{spec: {mode: string}}>}).items.map(item => item.spec.mode);
		expect(modes).toEqual(['audit', 'enforce', 'audit']);
	});

	test('a YAML items list: only the chosen item changes', () => {
		const text = `apiVersion: spyderbat/v1
items:
- apiVersion: spyderbat/v1
  kind: SpyderbatPolicy
  metadata: {name: first, type: container}
  spec:
    containerSelector: {image: a}
    mode: audit
    processPolicy: []
    networkPolicy: {ingress: [], egress: []}
    response: {default: [], actions: []}
- apiVersion: spyderbat/v1
  kind: SpyderbatPolicy
  metadata: {name: second, type: container}
  spec:
    containerSelector: {image: b}
    mode: audit
    processPolicy: []
    networkPolicy: {ingress: [], egress: []}
    response: {default: [], actions: []}
`;
		const after = setSpecSwitch(loadedObject(text, 1), {key: 'mode', value: 'enforce'});
		expect(onlyChangedLine(text, after)).toBe(16);
	});

	test('a JSON array: only the chosen element changes', () => {
		const text = JSON.stringify([containerPolicy(), containerPolicy()], null, 2);
		const after = setSpecSwitch(loadedObject(text, 0, 'p.json'), {key: 'mode', value: 'enforce'});
		onlyChangedLine(text, after);
		expect((JSON.parse(after) as Array<{spec: {mode: string}}>).map(item => item.spec.mode)).toEqual(['enforce', 'audit']);
	});
});

describe('adding a missing key inserts exactly one line', () => {
	test('mode goes before processPolicy, with the spec indentation', () => {
		const text = blockPolicy.replace('  mode: audit   # start in audit\n', '');
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'enforce'});
		const line = onlyInsertedLine(text, after);
		expect(after.split('\n')[line]).toBe('  mode: enforce');
		expect(after.split('\n')[line + 1]).toBe('  processPolicy:');
	});

	test('enabled goes before mode', () => {
		const text = blockPolicy.replace('  enabled: true\n', '');
		const after = setSpecSwitch(loadedObject(text), {key: 'enabled', value: false});
		const line = onlyInsertedLine(text, after);
		expect(after.split('\n')[line]).toBe('  enabled: false');
		expect(after.split('\n')[line + 1]).toBe('  mode: audit   # start in audit');
	});

	test('a deeper spec (inside an items list) keeps its own indentation', () => {
		const text = `apiVersion: spyderbat/v1
items:
  - apiVersion: spyderbat/v1
    kind: SpyderbatPolicy
    metadata:
      name: web
      type: container
    spec:
      containerSelector:
        image: nginx
      processPolicy: []
      networkPolicy:
        ingress: []
        egress: []
      response:
        default: []
        actions: []
`;
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'audit'});
		const line = onlyInsertedLine(text, after);
		expect(after.split('\n')[line]).toBe('      mode: audit');
		expect(after.split('\n')[line + 1]).toBe('      processPolicy: []');
	});

	test('pretty-printed JSON gets one new line and stays valid JSON', () => {
		const text = `${JSON.stringify(withValue(containerPolicy(), 'spec.mode', undefined), null, 2)}\n`;
		const after = setSpecSwitch(loadedObject(text, 0, 'p.json'), {key: 'mode', value: 'audit'});
		const line = onlyInsertedLine(text, after);
		expect(after.split('\n')[line]).toMatch(/^ {4}"mode": "audit",$/);
		expect(JSON.parse(after)).toEqual(withValue(containerPolicy(), 'spec.mode', 'audit'));
	});
});

describe('the rest of the file is left alone', () => {
	test('long lines are never folded', () => {
		const content = `Provisional flag: ${'x'.repeat(300)} end`;
		const text = blockPolicy.replace('        severity: high\n', `        severity: high\n        content: '${content}'\n`);
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'enforce'});
		onlyChangedLine(text, after);
		expect(after).toContain(`        content: '${content}'\n`);
		const inserted = setSpecSwitch(loadedObject(text.replace('  enabled: true\n', '')), {key: 'enabled', value: true});
		expect(inserted).toContain(`        content: '${content}'\n`);
	});

	test('trailing spaces on other lines survive', () => {
		const text = blockPolicy.replace('    image: "docker.io/library/nginx:*"\n', '    image: "docker.io/library/nginx:*"   \n').replace('    ingress: []\n', '    ingress: []\t\n');
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'enforce'});
		onlyChangedLine(text, after);
		expect(after).toContain('    image: "docker.io/library/nginx:*"   \n');
		expect(after).toContain('    ingress: []\t\n');
	});

	test('a file without a final newline keeps having none', () => {
		const text = blockPolicy.trimEnd();
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'enforce'});
		onlyChangedLine(text, after);
		expect(after.endsWith('actions: []')).toBe(true);
	});

	test('a CRLF file keeps CRLF line endings when a line is inserted', () => {
		const text = blockPolicy.replace('  mode: audit   # start in audit\n', '').replaceAll('\n', '\r\n');
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'audit'});
		expect(after.split('\r\n')).toHaveLength(text.split('\r\n').length + 1);
		expect(after.replaceAll('\r\n', '')).not.toContain('\n');
	});

	test('a CRLF file keeps CRLF line endings when a value is replaced', () => {
		const text = blockPolicy.replaceAll('\n', '\r\n');
		const after = setSpecSwitch(loadedObject(text), {key: 'mode', value: 'enforce'});
		expect(after).toBe(text.replace('mode: audit', 'mode: enforce'));
	});
});

describe('refusals', () => {
	test('a spec that is not a mapping is refused with an error, and nothing is returned', () => {
		const text = 'apiVersion: spyderbat/v1\nkind: SpyderbatPolicy\nmetadata: {name: a, type: container}\nspec: []\n';
		expect(() => setSpecSwitch(loadedObject(text), {key: 'mode', value: 'audit'})).toThrow(/spec/);
	});
});
