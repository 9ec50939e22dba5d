import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {scanPolicyFolder} from '../../source/operations/local-folder.js';
import {App} from '../../source/tui/app.js';
import {KEYS, renderTui} from '../helpers/ink.js';
import {tempDir} from '../helpers/temp.js';
import {type ApiApp, detailTitle, openApiApp} from './api-app.js';
import {containerSeen, dialogProse, dialogText, highlighted, ingest, openCreate, serviceSeen} from './create-app.js';
import {makePolicyFolder} from './policy-folder.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const web = 'registry.example.com/web:1.4';
const sshd = 'systemd:/system.slice/sshd.service';

/** Two containers of one image and a service: three fingerprints, two workloads. */
async function appWithActivity(): Promise<ApiApp> {
	const opened = await openApiApp({policies: ['alpha']});
	await ingest(opened, [containerSeen(web, 'c0ntainer0001', 90), containerSeen(web, 'c0ntainer0002', 30), serviceSeen(sshd, 150)]);
	return opened;
}

describe('create: the source step', () => {
	test("c opens the source list: the local file first, then the server's workloads, grouped, with their age", async () => {
		app = await appWithActivity();
		await app.press('c');
		expect(app.frame()).toContain('Create a policy  source › name and mode › preview');
		expect(app.frame()).toContain("fetching the server's fingerprints…");
		const frame = await openCreate(app);
		const text = dialogText(frame);
		expect(text).toContain('2 workloads from 3 fingerprints, newest first.');
		expect(text).toMatch(/❯ Local file… {2}a baseline, fingerprint, fingerprint group or policy \(YAML or JSON\)/);
		expect(text).toMatch(/ {2}container {6}registry\.example\.com\/web:1\.4 +2 fingerprints {2}30m ago/);
		expect(text).toMatch(/ {2}linux-service {2}sshd\.service {2}systemd:\/system\.slice\/sshd\.service {2}1 fingerprint {3}2h ago/);
		expect(frame.split('\n').at(-1)).toBe('j/k move  enter next  esc back');
	});

	test('j/k and the arrows move the highlight and stop at either end; esc closes and creates nothing', async () => {
		app = await appWithActivity();
		await openCreate(app);
		await app.press('k');
		expect(highlighted(app.frame())).toMatch(/^Local file…/);
		await app.press('j');
		expect(highlighted(app.frame())).toMatch(/^container +registry\.example\.com\/web:1\.4/);
		await app.press(KEYS.down);
		expect(highlighted(app.frame())).toMatch(/^linux-service +sshd\.service/);
		await app.press(KEYS.down, 'j');
		expect(highlighted(app.frame())).toMatch(/^linux-service +sshd\.service/);
		await app.press(KEYS.up);
		expect(highlighted(app.frame())).toMatch(/^container/);
		await app.press(KEYS.escape);
		expect(app.frame()).not.toContain('Create a policy');
		expect(app.frame()).toContain('STATUS');
		expect(await app.during(async () => app!.server.client.listPolicies())).toHaveLength(1);
	});

	test('a workload goes to the name (its image) and the mode; esc goes back to the list as it was left', async () => {
		app = await appWithActivity();
		await openCreate(app);
		await app.press('j', KEYS.enter);
		const text = dialogText(app.frame());
		expect(text).toContain(`From container workload ${web} (2 fingerprints)`);
		expect(text).toContain('Mode  ◉ audit  ○ enforce   tab switches');
		expect(text).toContain(`name > ${web}   enter shows the preview`);
		expect(app.frame().split('\n').at(-1)).toBe('enter next  tab mode  esc back');
		await app.press(KEYS.escape);
		expect(highlighted(app.frame())).toMatch(/^container +registry\.example\.com\/web:1\.4/);
	});

	test('Create sends the workload as a policy: the flash says so, the list selects it, and the server has it', async () => {
		app = await appWithActivity();
		await openCreate(app);
		await app.press('j', KEYS.enter, KEYS.tab, KEYS.enter);
		const preview = dialogProse(app.frame());
		expect(preview).toContain(`Plan: create container policy ${web} in enforce mode on the embedded server`);
		expect(preview).toContain('  mode: enforce');
		// The preview is taller than the dialog: it scrolls, and its buttons stay in sight.
		const total = Number(/─ 1-22 of (\d+) ─╯/.exec(app.frame())?.[1]);
		expect(total).toBeGreaterThan(22);
		await app.press('j');
		expect(app.frame()).toContain(`─ 2-23 of ${total} ─╯`);
		await app.press('G');
		expect(app.frame()).toContain(`─ ${total - 21}-${total} of ${total} ─╯`);
		expect(dialogText(app.frame())).toContain('    - makeRedFlag:');
		await app.press('g', KEYS.right, KEYS.left, KEYS.tab, 'h', 'l');
		await app.press(KEYS.enter);
		const frame = await app.waitForFrame(text => text.includes('Successfully created policy'));
		const [created] = (await app.during(async () => app!.server.client.listPolicies())).filter(policy => policy.name === web);
		expect(frame).toContain(`ℹ Successfully created policy ${created?.uid} (${web})`);
		expect(detailTitle(frame)).toContain(`${web}  Enforcing`);
		expect(created?.policy.spec).toMatchObject({containerSelector: {image: web}, mode: 'enforce', processPolicy: [{name: 'nginx'}]});
		// The refresh brings the server's copy, with its version, and the selection stays on it.
		await app.waitForFrame(text => /registry\.example\.com\/web:1\.4 +Enforcing +container +enforce +1 /.test(text));
		expect(detailTitle(app.frame())).toContain(`${web}  Enforcing`);
	});

	test('a filter that would hide the new policy is cleared, so the selection can land on it', async () => {
		app = await openApiApp({policies: ['alpha', 'bravo']});
		await ingest(app, [containerSeen(web, 'c0ntainer0001', 5)]);
		await app.press('/', ...'alpha', KEYS.enter);
		expect(app.frame()).toContain('Policies 1 of 2');
		await openCreate(app);
		await app.press('j', KEYS.enter, KEYS.ctrlU, ...'web', KEYS.enter, KEYS.tab, KEYS.enter);
		const frame = await app.waitForFrame(text => text.includes('Successfully created policy'));
		expect(frame).toMatch(/ℹ Successfully created policy pol:\w+ \(web\); the filter is cleared to show it/);
		expect(detailTitle(frame)).toContain('web  Auditing');
		expect(frame).toContain('Policies 3');
	});

	test('a list longer than the dialog scrolls to keep the highlight in sight', async () => {
		app = await openApiApp({columns: 80, rows: 24});
		await ingest(app, Array.from({length: 14}, (_, index) => containerSeen(`registry.example.com/app-${String(index).padStart(2, '0')}:1`, `c${index}`, index + 1)));
		await openCreate(app);
		expect(app.frame()).toMatch(/─ 1 of 15 ─╯/);
		await app.press(...Array.from({length: 14}, () => 'j'));
		expect(highlighted(app.frame())).toMatch(/^container +registry\.example\.com\/app-13:1 +1 fingerprint +14m ago/);
		expect(app.frame()).toMatch(/─ 15 of 15 ─╯/);
		expect(app.frame()).not.toContain('Local file…');
		await app.press(...Array.from({length: 14}, () => 'k'));
		expect(highlighted(app.frame())).toMatch(/^Local file…/);
		expect(app.frame()).not.toContain('app-13');
	});

	test('with no fingerprints on the server, the list says so and offers the local file', async () => {
		app = await openApiApp();
		const text = dialogText(await openCreate(app));
		expect(text).toContain('The server has no fingerprints from the last 24 hours: pick a local file.');
		expect(highlighted(app.frame())).toMatch(/^Local file…/);
		await app.press('j');
		expect(highlighted(app.frame())).toMatch(/^Local file…/);
	});

	test('when the fingerprints cannot be fetched, the list says why and the local file still works', async () => {
		app = await openApiApp();
		await app.during(async () => app!.server.close());
		const text = dialogProse(await openCreate(app));
		expect(text).toMatch(/could not fetch the server's fingerprints: searching model_fingerprint failed: connection refused \(127\.0\.0\.1:\d+\)\. A local file still works\./);
		await app.press(KEYS.enter);
		expect(dialogText(app.frame())).toMatch(/^file >$/m);
	});
});

describe('create: when c is off', () => {
	test('--read-only refuses c with the reason, as it refuses m and e', async () => {
		app = await openApiApp({policies: ['alpha'], readOnly: true, columns: 120});
		await app.press('c');
		expect(app.frame()).toContain('! c: spytui was started with --read-only');
		expect(app.frame()).not.toContain('Create a policy');
		expect(app.frame().split('\n').at(-1)).not.toContain('c create');
	});

	test('the offline folder view says c needs the API', async () => {
		const folder = makePolicyFolder();
		const source = {kind: 'folder' as const, mode: 'offline files', location: path.basename(folder), load: async () => scanPolicyFolder(folder, '/'), saveDir: tempDir('spytui-saved-')};
		const ui = await renderTui(<App source={source} />, {columns: 120, rows: 30});
		await ui.waitForFrame(frame => frame.includes('web-frontend'));
		await ui.press('c');
		expect(ui.frame()).toContain('! c: creating a policy needs the API, and the folder view (--dir) has none: run spytui without --dir');
		await ui.unmount();
	});

	test('the hint bar offers c, and the help lists the create dialog keys', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 120});
		expect(app.frame().split('\n').at(-1)).toContain('c create');
		await app.press('?', 'G');
		const help = app.frame();
		expect(help).toContain('Create dialog (after c)');
		expect(help).toContain('Go on: use the highlighted source, read the typed file, or preview the policy');
		expect(help).toContain('Back one step; from the source list, close and create nothing');
	});
});
