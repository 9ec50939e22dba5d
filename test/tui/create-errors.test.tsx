import {afterEach, describe, expect, test} from 'vitest';
import {createApiClient} from '../../source/api/client.js';
import {KEYS} from '../helpers/ink.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {type ApiApp, freshDataDir, openApiApp} from './api-app.js';
import {containerSeen, dialogProse, dialogText, ingest, openCreate, startHop} from './create-app.js';

const web = 'registry.example.com/web:1.4';

let app: ApiApp | undefined;
let server: TestServer | undefined;
let hop: Awaited<ReturnType<typeof startHop>> | undefined;
afterEach(async () => {
	await app?.close();
	await hop?.close();
	await server?.close();
	app = undefined;
	hop = undefined;
	server = undefined;
});

/** The app talks to the real server through `hop`; the test reads the server directly. */
async function appBehindHop(mode: 'corrupt' | 'hold'): Promise<ApiApp> {
	server = await startTestServer({dataDir: freshDataDir()});
	hop = await startHop(server.url, mode);
	const client = createApiClient({apiUrl: hop.url, apiKey: server.token, organization: server.org.name}, {retries: 0});
	const opened = await openApiApp({server: {...server, client}});
	await ingest(opened, [containerSeen(web, 'c0ntainer0001', 5)]);
	return opened;
}

/** Picks the one workload and goes on to the preview. */
async function previewWorkload(opened: ApiApp): Promise<void> {
	await openCreate(opened);
	await opened.press('j', KEYS.enter, KEYS.enter);
	expect(dialogText(opened.frame())).toContain('[ Cancel ]  [ Create ]');
}

describe('create: errors keep the dialog and say why', () => {
	test('a name the schema refuses is shown as it is typed, and enter says why it cannot go on', async () => {
		app = await openApiApp();
		await ingest(app, [containerSeen(web, 'c0ntainer0001', 5)]);
		await openCreate(app);
		await app.press('j', KEYS.enter, KEYS.ctrlU);
		expect(dialogText(app.frame())).toContain('The policy cannot be built:\n✗ metadata.name: must not be empty');
		expect(app.frame().split('\n').at(-1)).toBe('tab mode  esc back');
		await app.press(KEYS.enter);
		expect(app.frame()).toContain('! enter: metadata.name: must not be empty');
		// Spaces around a name are a slip of the keyboard: a name of spaces is no name.
		await app.press(...'   ', KEYS.enter);
		expect(app.frame()).toContain('! enter: metadata.name: must not be empty');
		// The three spaces typed, then the cursor.
		expect(app.frame()).toMatch(/│ name > {4} +│/);
		await app.press(KEYS.ctrlU, ...'web ', KEYS.enter);
		expect(dialogProse(app.frame())).toContain('Plan: create container policy web in audit mode');
		expect(dialogText(app.frame())).toContain('  name: web\n');
	});

	test('a 400 from the server shows its message and field in the preview; nothing is created, and it can be tried again', async () => {
		app = await appBehindHop('corrupt');
		await previewWorkload(app);
		await app.press(KEYS.tab, KEYS.enter);
		const frame = await app.waitForFrame(text => text.includes('not created:'));
		expect(dialogProse(frame)).toMatch(
			/✗ not created: creating the policy failed: 400 Bad Request: spec\.response\.default\[0\]\.makeRedFlag\.severity: must be one of critical, high, medium, low, info, not the text "urgent"\. Create tries again; esc goes back to the name and mode/,
		);
		// The preview is still there, with its buttons.
		expect(dialogText(frame)).toContain(`  name: ${web}`);
		expect(dialogText(frame)).toContain('[ Cancel ]  [ Create ]');
		expect(await app.during(async () => server!.client.listPolicies())).toEqual([]);
		await app.press(KEYS.escape);
		expect(dialogText(app.frame())).toContain(`name > ${web}`);
	});

	test('a network failure is shown in the preview, which stays', async () => {
		app = await openApiApp();
		await ingest(app, [containerSeen(web, 'c0ntainer0001', 5)]);
		await previewWorkload(app);
		await app.during(async () => app!.server.close());
		await app.press(KEYS.tab, KEYS.enter);
		const frame = await app.waitForFrame(text => text.includes('not created:'));
		expect(dialogProse(frame)).toMatch(/✗ not created: creating the policy failed: connection refused \(127\.0\.0\.1:\d+\)/);
		expect(dialogText(frame)).toContain('[ Cancel ]  [ Create ]');
	});

	test('while the request is out the dialog says so, and esc and enter wait for it', async () => {
		app = await appBehindHop('hold');
		await previewWorkload(app);
		await app.press(KEYS.tab, KEYS.enter);
		await app.waitForFrame(text => text.includes(`creating ${web}…`));
		await app.press(KEYS.escape);
		expect(app.frame()).toContain(`! esc: wait until spytui has finished creating ${web}`);
		await app.press(KEYS.enter);
		expect(app.frame()).toContain(`! enter: wait until spytui has finished creating ${web}`);
		expect(app.frame()).toContain(`creating ${web}…`);
		// The connection drops without an answer: the request failed as far as the app can tell.
		await app.during(async () => hop!.close());
		await app.waitForFrame(text => text.includes('not created:'));
		expect(dialogText(app.frame())).toContain('[ Cancel ]  [ Create ]');
	});
});
