import {afterEach, describe, expect, test} from 'vitest';
import {type LogsApp, openLogsApp, panelLines} from './logs-app.js';

let app: LogsApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

describe('when the server goes away', () => {
	test('the panel counts its retries, resumes by itself once the server is back, and shows each event once', async () => {
		app = await openLogsApp({policies: ['web']});
		await app.log({id: 'log:before', policy: 'web', message: 'before the restart', time: Date.now() / 1000 - 5});
		await app.press('l');
		await app.waitForFrame(text => text.includes('before the restart'));

		await app.stopServer();
		let frame = await app.waitForFrame(text => /⟳ retry [2-9]\d*: searching event_log failed: connection refused/.test(text));
		expect(frame).toContain('before the restart');

		await app.startServer();
		await app.log({id: 'log:after', policy: 'web', message: 'after the restart', time: Date.now() / 1000 - 2});
		frame = await app.waitForFrame(text => text.includes('after the restart') && !text.includes('⟳ retry'));
		const messages = panelLines(frame).filter(line => line.includes(' high ')).map(line => line.replace(/^.* high {5}/, ''));
		expect(messages).toEqual(['before the restart', 'after the restart']);
	});

	test('a panel opened while the server is down says so, and reads the window once it is back', async () => {
		app = await openLogsApp({policies: ['web']});
		await app.log({id: 'log:waiting', policy: 'web', message: 'waiting to be read'});
		await app.stopServer();
		await app.press('l');
		await app.waitForFrame(text => /Cannot read the logs: searching event_log failed: connection refused \([^)]*\)\. Retrying by itself \(\d+\)…/.test(panelLines(text).join(' ').replace(/\s+/g, ' ')));
		await app.startServer();
		await app.waitForFrame(text => text.includes('waiting to be read'));
	});
});
