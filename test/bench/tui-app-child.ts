// Runs in its own process (see tui.bench.ts), so that its memory figure is the
// app's alone and not what earlier benches left behind. Like the real app, it
// runs the embedded server in a process of its own.
// Usage: node --expose-gc --import tsx test/bench/tui-app-child.ts DATA_DIR WARMUP PRESSES POLICIES
import path from 'node:path';
import {createElement} from 'react';
import {createApiClient} from '../../source/api/client.js';
import type {Backend} from '../../source/operations/backend.js';
import {draftStore} from '../../source/operations/drafts.js';
import {startServerProcess} from '../../source/server/server-process.js';
import {App, type ApiSource} from '../../source/tui/app.js';
import {renderTui} from '../helpers/ink.js';

export type AppMeasurement = {loadMs: number; rssBytes: number; pressMs: number[]; /** Mean CPU time per measured press, which other load on the machine does not inflate. */ cpuMsPerPress: number};

const [dataDir, ...counts] = process.argv.slice(2);
const [warmup, presses, policies] = counts.map(Number);
if (!dataDir || warmup === undefined || presses === undefined || policies === undefined) throw new Error('usage: tui-app-child.ts DATA_DIR WARMUP PRESSES POLICIES');
/** As tui.bench.ts measures the bundled app. */
const size = {columns: 160, rows: 48};

const server = await startServerProcess({dataDir, port: 0});

/**
 * The one place that knows how the app is handed its policies: the API source
 * start.tsx builds, over the seeded embedded server. Adapt it when App's props
 * change. The refresh is pushed out of the run, so that the figures are key
 * handling alone and not a list reload landing between two presses.
 */
function appWithPolicies(folder: string) {
	const client = createApiClient({apiUrl: server.url, apiKey: server.token, organization: server.org.uid}, {retries: 0});
	const backend: Backend = {client, kind: 'embedded', label: 'local', organization: server.org.name, close: async () => undefined};
	const source: ApiSource = {
		kind: 'api',
		connect: async () => backend,
		drafts: draftStore(folder),
		draftsFolder: path.join(folder, 'drafts'),
		restored: new Map(),
		readOnly: false,
		refreshMs: 3_600_000,
		saveDir: folder,
		tempDir: folder,
		openEditor: () => undefined,
	};
	return createElement(App, {source});
}

const loadedText = new RegExp(`\\b(${policies}|${policies.toLocaleString('en')}) polic`);
const start = performance.now();
const ui = await renderTui(appWithPolicies(dataDir), size);
await ui.waitForFrame(frame => loadedText.test(frame), 120_000);
const loadMs = performance.now() - start;
globalThis.gc?.();
const rssBytes = process.memoryUsage().rss;

const pressMs: number[] = [];
let cpuStart = process.cpuUsage();
for (let index = 0; index < warmup + presses; index++) {
	if (index === warmup) cpuStart = process.cpuUsage();
	const before = ui.frame();
	const pressed = performance.now();
	await ui.press('j');
	const elapsed = performance.now() - pressed;
	if (ui.frame() === before) throw new Error(`press ${index + 1} of j did not change the frame:\n${before}`);
	if (index >= warmup) pressMs.push(elapsed);
}
const cpu = process.cpuUsage(cpuStart);
const cpuMsPerPress = (cpu.user + cpu.system) / 1000 / presses;
await ui.unmount();
await server.close();

const measurement: AppMeasurement = {loadMs, rssBytes, pressMs, cpuMsPerPress};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
