import {afterEach, describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {KEYS} from '../helpers/ink.js';
import {containerFingerprint, nginx, sh} from '../server/ingest-fixtures.js';
import {type ApiApp, openApiApp} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** A shell under nginx in alpha's container: one deviation from samplePolicy('alpha'). */
async function deviate(target: ApiApp): Promise<void> {
	await target.during(async () => target.server.client.ingest([containerFingerprint([nginx([sh()])], {image: 'registry.example.com/alpha:1', at: Date.now() / 1000 - 60})]));
}

/** The lines inside the diff panel, border and padding off. */
function panelText(frame: string): string[] {
	return frame
		.split('\n')
		.filter(line => line.startsWith('│'))
		.map(line => line.slice(2, -1).trimEnd());
}

async function openDiff(target: ApiApp): Promise<string> {
	await target.press('d');
	return target.waitForFrame(frame => /Plan: |No deviations|No draft|✗ /.test(frame));
}

describe('the diff screen: d', () => {
	test('compares the policy with its deviations: counts, changed lines, folded context', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 40});
		await deviate(app);
		const frame = await openDiff(app);
		expect(frame).toContain('alpha  policy vs its deviations (since latestTimestamp)');
		expect(frame).toContain('Plan: 1 to add, 1 to change, 0 to remove  from 1 deviation  · changes with 3 lines of context');
		const lines = panelText(frame);
		expect(lines).toContain('+     children:');
		expect(lines).toContain('+     - name: sh');
		expect(lines.some(line => /^~ {3}latestTimestamp: 1700000000 → \d+/.test(line))).toBe(true);
		expect(lines.some(line => /^ {2}… \d+ unchanged lines$/.test(line))).toBe(true);
	});

	test('n and N go to the next and previous change, scrolling it near the top', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 16});
		await deviate(app);
		await openDiff(app);
		// Two lines of context stay above the change n lands on: it is the third line shown.
		const third = () => panelText(app!.frame())[3] ?? '';
		await app.press('n');
		expect(third()).toMatch(/^~ {3}latestTimestamp: 1700000000 → /);
		await app.press('n');
		expect(third()).toBe('+     children:');
		await app.press('N');
		expect(third()).toMatch(/^~ {3}latestTimestamp/);
		await app.press('n', 'n');
		expect(app.frame()).toContain('no more changes below');
		await app.press('g', 'N');
		expect(app.frame()).toContain('no more changes above');
	});

	test('enter unfolds the unchanged lines under the cursor; f shows every line; { and } change the context', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 60});
		await deviate(app);
		await openDiff(app);
		const folded = panelText(app.frame()).filter(line => /… \d+ unchanged/.test(line)).length;
		await app.press('g', KEYS.enter);
		expect(panelText(app.frame()).filter(line => /… \d+ unchanged/.test(line)).length).toBe(folded - 1);
		expect(panelText(app.frame())).toContain('  apiVersion: spyderbat/v1');
		await app.press('{', '{', '{');
		expect(app.frame()).toContain('changes with 0 lines of context');
		await app.press('}');
		expect(app.frame()).toContain('changes with 1 line of context');
		await app.press('f');
		expect(app.frame()).toContain('· every line');
		expect(app.frame()).not.toMatch(/… \d+ unchanged/);
		await app.press('f');
		expect(app.frame()).toMatch(/… \d+ unchanged/);
	});

	test('t shows the tree of changed fields, each marked added or changed', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 40});
		await deviate(app);
		await openDiff(app);
		await app.press('t');
		const lines = panelText(app.frame());
		expect(app.frame()).toContain('· tree of changed fields');
		expect(lines).toContain('  spec');
		expect(lines.some(line => /^\+ +children {2}added$/.test(line))).toBe(true);
		expect(lines.some(line => /^~ +latestTimestamp: 1700000000 → \d+/.test(line))).toBe(true);
		await app.press('t');
		expect(app.frame()).toContain('changes with 3 lines of context');
	});

	test('M merges the deviations into a draft, shown against the server copy; a applies it through the API', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 40});
		await deviate(app);
		await openDiff(app);
		await app.press('M');
		expect(app.frame()).toContain('alpha  server copy vs your draft');
		expect(app.frame()).toContain('alpha: merged 1 deviation (a draft: a applies it, u undoes)');
		await app.press('a');
		expect(app.frame()).toContain('[ Cancel ]  [ Apply ]');
		await app.press(KEYS.tab, KEYS.enter);
		await app.waitForFrame(frame => frame.includes('Successfully updated policy'));
		expect(app.frame()).toContain('No draft: it was applied or undone.');
		const stored = await app.policy('alpha');
		const processes = stored.spec['processPolicy'] as Array<{children?: Array<{name: string}>}>;
		expect(processes[0]!.children?.map(child => child.name)).toEqual(['sh']);
		expect(Number(stored.metadata['latestTimestamp'])).toBeGreaterThan(1_700_000_000);
		// The merged policy covers the activity: no deviations since its new latestTimestamp.
		await app.press('w');
		await app.waitForFrame(frame => frame.includes('No deviations for alpha since latestTimestamp'));
	});

	test('no deviations says so; w steps through the windows', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30});
		await openDiff(app);
		expect(app.frame()).toContain('No deviations for alpha since latestTimestamp · w widens the window');
		await app.press('w');
		await app.waitForFrame(frame => frame.includes('policy vs its deviations (last 1h)') && frame.includes('No deviations for alpha last 1h'));
		await app.press('w');
		await app.waitForFrame(frame => frame.includes('No deviations for alpha last 24h'));
		await app.press('w');
		await app.waitForFrame(frame => frame.includes('No deviations for alpha last 7d'));
		await app.press('M');
		expect(app.frame()).toContain('M: the deviations add nothing to the policy');
	});

	test('v picks two stored versions and compares them; the same version twice is refused', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30});
		const uid = app.uids.get('alpha')!;
		await app.during(async () => {
			const current = await app!.server.client.getPolicy(uid);
			await app!.server.client.updatePolicy({...current.policy, spec: {...current.policy.spec, mode: 'enforce'}} as PolicyDocument);
		});
		await app.press('r');
		await app.waitForFrame(frame => / enforce +2 /.test(frame));
		await openDiff(app);
		await app.press('v');
		expect(app.frame()).toContain('Compare version  1  with version  2   of 2');
		await app.press(KEYS.tab, 'j');
		expect(app.frame()).toContain('Compare version  1  with version  1 ');
		await app.press(KEYS.enter);
		expect(app.frame()).toContain('enter: pick two different versions');
		await app.press('k', KEYS.enter);
		await app.waitForFrame(frame => frame.includes('alpha  version 1 vs version 2') && frame.includes('Plan: 0 to add'));
		expect(panelText(app.frame())).toContain('~   mode: audit → enforce');
		await app.press('v', KEYS.escape);
		expect(app.frame()).toContain('alpha  version 1 vs version 2');
	});

	test('d on a policy with a draft compares the draft; x comes back to it; esc and q close the screen', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30});
		await app.press('m');
		await openDiff(app);
		expect(app.frame()).toContain('alpha  server copy vs your draft');
		expect(panelText(app.frame())).toContain('~   mode: audit → enforce');
		await app.press('w');
		await app.waitForFrame(frame => frame.includes('No deviations for alpha'));
		await app.press('x');
		expect(app.frame()).toContain('server copy vs your draft');
		await app.press(KEYS.escape);
		expect(app.frame()).toContain('STATUS');
		await app.press('d', 'q');
		expect(app.frame()).toContain('STATUS');
	});

	test('d in the apply preview opens the draft in the diff screen, and a comes back to the preview', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30});
		await app.press('m', 'a');
		expect(app.frame()).toContain('d diff screen');
		await app.press('d');
		expect(app.frame()).toContain('alpha  server copy vs your draft');
		expect(panelText(app.frame())).toContain('~   mode: audit → enforce');
		await app.press('a');
		expect(app.frame()).toContain('[ Cancel ]  [ Apply ]');
	});

	test('keys that cannot act say why', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30});
		await openDiff(app);
		await app.press('x');
		expect(app.frame()).toContain('x: alpha has no draft: M merges deviations into one');
		await app.press('v');
		expect(app.frame()).toContain('v: the policy has one version only');
		await app.press('a');
		expect(app.frame()).toContain('a: alpha has no draft to apply');
		// With nothing changed the whole policy is one fold: enter opens it, and then there is nothing left to unfold.
		await app.press(KEYS.enter);
		expect(panelText(app.frame())).toContain('  apiVersion: spyderbat/v1');
		await app.press(KEYS.enter);
		expect(app.frame()).toContain('enter: move the cursor to a "… unchanged lines" row to unfold it');
	});

	test('in --read-only the diff screen shows, and M says why it is off', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30, readOnly: true});
		await deviate(app);
		await openDiff(app);
		expect(app.frame()).toContain('Plan: 1 to add');
		await app.press('M');
		expect(app.frame()).toContain('M: spytui was started with --read-only');
	});

	test('a comparison that fails shows its cause', async () => {
		app = await openApiApp({policies: ['alpha'], columns: 110, rows: 30});
		await app.during(async () => app!.server.close());
		await app.press('d');
		await app.waitForFrame(frame => /✗ .*connection refused/.test(frame));
		await app.press('n');
		expect(app.frame()).toContain('n: nothing to show: the comparison failed');
	});
});
