import fs from 'node:fs';
import path from 'node:path';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {diffDumps} from '../../source/policy/diff/line-diff.js';
import {defaultDataDir, ensureDataDir} from '../../source/server/data-dir.js';
import {openDatabase} from '../../source/server/store/database.js';
import {ensureOrg} from '../../source/server/store/orgs.js';
import {policyStore} from '../../source/server/store/policies.js';
import {tempDir} from '../helpers/temp.js';
import type {Figure} from './figure.js';
import {largePolicy} from './large-policy.js';
import {PtyApp} from './pty-app.js';

const repository = path.resolve(import.meta.dirname, '../..');
const size = {columns: 160, rows: 48};
const presses = 150;

/**
 * The diff screen of the shipped app on a diff of over 5,000 lines: a policy
 * whose second version adds 1,000 processes and 200 rules to the first. It is
 * opened the way a user does (d, v, enter), then scrolled a line at a time.
 */
export default async function diffScreenBench(): Promise<Figure[]> {
	if (!fs.existsSync(path.join(repository, 'bundle', 'cli.mjs'))) throw new Error('bundle/cli.mjs is missing: run `npm run build` first.');
	const home = tempDir('spytui-bench-diff-');
	// Ink draws nothing until exit when it believes it runs in CI.
	const {CI: _ci, CONTINUOUS_INTEGRATION: _continuous, ...inherited} = process.env;
	const env = {...inherited, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), TERM: 'xterm-256color'};
	const lineCount = seedTwoVersions(defaultDataDir(env, home));
	const app = new PtyApp(`exec '${path.join(repository, 'bin', 'spytui.js')}' --refresh 3600 --no-observer`, {env, cwd: home, size});
	try {
		await app.waitFor(text => /1 polic/.test(text), 'the policy list', 60_000);
		await app.settle(300);
		const from = app.screenText().length;
		await app.press('d');
		await app.waitFor(text => text.includes('No deviations'), 'the diff screen', 30_000, from);
		await app.press('v');
		const pressed = performance.now();
		const before = app.screenText().length;
		const opened = await app.press('\r', 30_000);
		await app.waitFor(text => text.includes('Plan: '), 'the 5,000-line diff', 30_000, before);
		const openMs = Math.max(opened, performance.now() - pressed);
		await app.settle(300);
		const times: number[] = [];
		for (let index = 0; index < presses; index++) {
			times.push(await app.press('j'));
			await new Promise(resolve => {
				setTimeout(resolve, 40);
			});
		}
		const what = `${lineCount.toLocaleString('en')}-line diff (version 1 vs 2) in the bundled app at ${size.columns}x${size.rows}`;
		return [
			{name: `open a ${what}: v, enter to frame`, value: openMs, unit: 'ms', target: 300, better: 'lower'},
			{name: `scroll a ${what}: j to frame, median of ${presses}`, value: percentile(times, 0.5), unit: 'ms', target: 16, better: 'lower'},
			{name: `scroll a ${what}: j to frame, p99 of ${presses}`, value: percentile(times, 0.99), unit: 'ms', target: 50, better: 'lower'},
		];
	} finally {
		await app.quit();
	}
}

/** A data dir with one policy stored twice: without processes, then with 1,000 of them. Returns the diff's line count. */
function seedTwoVersions(dataDir: string): number {
	ensureDataDir(dataDir);
	const db = openDatabase(path.join(dataDir, 'spytui.db'));
	try {
		const org = ensureOrg(db);
		const store = policyStore(db);
		const actor = {user: 'bench@spytui.local', now: Date.now() / 1000};
		const large = largePolicy(1000, 200) as unknown as PolicyDocument;
		const small = {...large, metadata: {...large.metadata, name: 'diff-bench'}, spec: {...large.spec, processPolicy: [], networkPolicy: {ingress: [], egress: []}}};
		const created = store.create(org.uid, small, actor);
		store.update(org.uid, {...large, metadata: {...small.metadata, uid: created.uid, version: 1}}, actor);
		return diffDumps(small, large).length;
	} finally {
		db.close();
	}
}

function percentile(values: readonly number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}
