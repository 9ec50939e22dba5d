import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {createPolicy} from '../../source/policy/create/create-policy.js';
import {loadDocuments} from '../../source/policy/load.js';
import {KEYS} from '../helpers/ink.js';
import {type ApiApp, detailTitle, openApiApp} from './api-app.js';
import {dialogProse, dialogText, highlighted, openCreate} from './create-app.js';
import {brokenYaml, invalidPolicy} from './policy-folder.js';

const spyctlResources = path.resolve(import.meta.dirname, '../../../shared/fixtures/spyctl/test_resources');
const hasFixtures = fs.existsSync(spyctlResources);

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const baseline = `apiVersion: spyderbat/v1
kind: SpyderbatBaseline
metadata:
  name: web-baseline
  type: container
spec:
  containerSelector:
    image: registry.example.com/web:*
  processPolicy:
  - name: nginx
    exe: [/usr/sbin/nginx]
    id: nginx_0
    euser: [root]
  networkPolicy:
    ingress: []
    egress: []
`;

/** Writes a file where spytui runs (the folder `s` saves to), so a relative path finds it. */
function writeHere(opened: ApiApp, name: string, text: string): string {
	const file = path.join(opened.saveDir, name);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, text);
	return file;
}

async function typePath(opened: ApiApp, typed: string): Promise<void> {
	await openCreate(opened);
	await opened.press(KEYS.enter, ...typed);
}

async function policyCount(opened: ApiApp): Promise<number> {
	return (await opened.during(async () => opened.server.client.listPolicies())).length;
}

describe('create: from a local file', () => {
	test('a relative path is read where spytui runs; the name comes from the file and tab switches the mode', async () => {
		app = await openApiApp({policies: ['alpha']});
		writeHere(app, 'baselines/web.yaml', baseline);
		await typePath(app, 'baselines/web.yaml');
		expect(dialogText(app.frame())).toMatch(/^file > baselines\/web\.yaml {3}enter reads it$/m);
		expect(app.frame().split('\n').at(-1)).toBe('enter next  esc back');
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > '));
		const text = dialogText(app.frame());
		expect(text).toContain("From 'baselines/web.yaml'");
		expect(text).toContain('name > web-baseline   enter shows the preview');
		expect(text).toContain('Mode  ◉ audit  ○ enforce');
		await app.press(KEYS.tab);
		expect(dialogText(app.frame())).toContain('Mode  ○ audit  ◉ enforce');
		await app.press(KEYS.tab);
		expect(dialogText(app.frame())).toContain('Mode  ◉ audit  ○ enforce');
	});

	test('the preview shows the policy as YAML with a summary, Cancel has the focus, and Cancel creates nothing', async () => {
		app = await openApiApp({policies: ['alpha'], rows: 40});
		writeHere(app, 'web.yaml', baseline);
		await typePath(app, 'web.yaml');
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > web-baseline'));
		await app.press(KEYS.enter);
		const prose = dialogProse(app.frame());
		expect(app.frame()).toContain('Create a policy  source › name and mode › preview');
		expect(prose).toContain('Plan: create container policy web-baseline in audit mode on the embedded server');
		expect(prose).toContain("From 'web.yaml': 1 process, 0 network rules. Nothing is sent until you press Create.");
		const text = dialogText(app.frame());
		expect(text).toContain('kind: SpyderbatPolicy');
		expect(text).toContain('  name: web-baseline');
		expect(text).toContain('  mode: audit');
		expect(text).toContain('      severity: high');
		expect(text).toContain('[ Cancel ]  [ Create ]');
		expect(app.frame().split('\n').at(-1)).toBe('esc back  enter press  tab/shift+tab button');
		// Cancel has the focus, so enter is the harmless choice.
		await app.press(KEYS.enter);
		expect(app.frame()).not.toContain('Create a policy');
		expect(await policyCount(app)).toBe(1);
	});

	test('esc walks back: the preview to the name as typed, to the path as typed, to the source list', async () => {
		app = await openApiApp();
		writeHere(app, 'web.yaml', baseline);
		await typePath(app, 'web.yaml');
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > web-baseline'));
		await app.press(KEYS.backspace, ...'-2', KEYS.enter);
		expect(dialogProse(app.frame())).toContain('policy web-baselin-2');
		await app.press(KEYS.escape);
		expect(dialogText(app.frame())).toContain('name > web-baselin-2');
		await app.press(KEYS.escape);
		expect(dialogText(app.frame())).toMatch(/^file > web\.yaml/m);
		await app.press(KEYS.escape);
		expect(highlighted(app.frame())).toMatch(/^Local file…/);
		await app.press(KEYS.escape);
		expect(app.frame()).not.toContain('Create a policy');
		expect(await policyCount(app)).toBe(0);
	});

	test('a file that does not load shows its problems with the file and line, and the path can be fixed', async () => {
		app = await openApiApp();
		const broken = writeHere(app, 'broken.yaml', brokenYaml);
		const invalid = writeHere(app, 'half-done.yaml', invalidPolicy);
		writeHere(app, 'web.yaml', baseline);
		await typePath(app, 'broken.yaml');
		await app.press(KEYS.enter);
		let text = await app.waitForFrame(frame => frame.includes('The file cannot be used:'));
		expect(dialogText(text)).toMatch(new RegExp(`^✗ ${broken}:4:1: not valid YAML or JSON`, 'm'));
		// ctrl+u clears the path; a new one is typed and read.
		await app.press(KEYS.ctrlU, ...'half-done.yaml', KEYS.enter);
		text = await app.waitForFrame(frame => frame.includes(`${invalid}:`));
		expect(dialogProse(text)).toMatch(/✗ \S+half-done\.yaml:9:9: spec\.mode: must be one of audit, enforce, not the text "block"/);
		expect(dialogProse(text)).toMatch(/✗ \S+half-done\.yaml:\d+:\d+: spec\.networkPolicy\.egress\[0\]\.processes/);
		// backspace edits it: half-done.yaml → nothing left of it but what is typed again.
		await app.press(KEYS.ctrlU, ...'nowhere.yamlx', KEYS.backspace, KEYS.enter);
		text = await app.waitForFrame(frame => frame.includes('nowhere.yaml: no such file'));
		expect(dialogText(text)).toContain(`✗ ${path.join(app.saveDir, 'nowhere.yaml')}: no such file`);
		await app.press(KEYS.ctrlU, KEYS.enter);
		expect(app.frame()).toContain('! enter: type the path of a file first');
		await app.press(...'web.yaml', KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > web-baseline'));
		expect(app.frame()).not.toContain('The file cannot be used');
	});

	test('inputs the merge leaves out are named in the preview', async () => {
		app = await openApiApp({rows: 40});
		const service = {apiVersion: 'spyderbat/v1', kind: 'SpyderbatFingerprint', metadata: {type: 'linux-service'}, spec: {serviceSelector: {cgroup: 'systemd:/system.slice/cron.service'}, processPolicy: [], networkPolicy: {ingress: [], egress: []}}};
		writeHere(app, 'mixed.yaml', `${baseline}---\n${JSON.stringify(service)}\n`);
		await typePath(app, 'mixed.yaml');
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > web-baseline'));
		await app.press(KEYS.enter);
		expect(dialogProse(app.frame())).toContain(
			"Error type mismatch. Trying to merge the policy built from 'mixed.yaml' of type 'container' with 'SpyderbatFingerprint' object of type 'linux-service'. Skipping...",
		);
	});

	test('Create sends the policy built as `spytui create policy --from-file` builds it; the list selects it', async () => {
		app = await openApiApp({policies: ['alpha']});
		const file = writeHere(app, 'web.yaml', baseline);
		await typePath(app, file);
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > web-baseline'));
		await app.press(KEYS.tab, KEYS.enter, KEYS.tab, KEYS.enter);
		const frame = await app.waitForFrame(text => text.includes('Successfully created policy'));
		const created = (await app.during(async () => app!.server.client.listPolicies())).find(policy => policy.name === 'web-baseline');
		expect(frame).toContain(`ℹ Successfully created policy ${created?.uid} (web-baseline)`);
		expect(detailTitle(frame)).toContain('web-baseline  Enforcing');
		const [object] = loadDocuments(baseline, 'web.yaml').objects;
		expect(created?.policy.spec).toEqual(createPolicy([object!.value], {mode: 'enforce'}).policy['spec']);
	});

	test.skipIf(!hasFixtures)("spyctl's own fingerprint group: named after its fingerprints, merged as spyctl merges them", async () => {
		app = await openApiApp();
		const file = path.join(spyctlResources, 'test_fprint_group.yaml');
		await typePath(app, file);
		await app.press(KEYS.enter);
		await app.waitForFrame(frame => frame.includes('name > spyderbat-test'));
		await app.press(KEYS.enter, KEYS.tab, KEYS.enter);
		await app.waitForFrame(text => text.includes('Successfully created policy'));
		const [created] = await app.during(async () => app!.server.client.listPolicies());
		const objects = loadDocuments(fs.readFileSync(file), file).objects.map(object => object.value);
		expect(created?.name).toBe('spyderbat-test');
		expect(created?.policy.spec).toEqual(createPolicy(objects, {mode: 'audit'}).policy['spec']);
	});
});
