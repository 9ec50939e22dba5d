import './colour-terminal.js';
import {afterEach, describe, expect, test} from 'vitest';
import {policyTone} from '../../source/tui/logs/policy-colour.js';
import {KEYS} from '../helpers/ink.js';
import {containerFingerprint, nginx, sh} from '../server/ingest-fixtures.js';
import {type LogsApp, openLogsApp, panelLines} from './logs-app.js';

let app: LogsApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** The SGR colour code each policy tone is drawn with (theme.ts). */
const policyColourCodes: Record<string, string> = {
	'policy:0': '36',
	'policy:1': '32',
	'policy:2': '35',
	'policy:3': '34',
	'policy:4': '96',
	'policy:5': '92',
	'policy:6': '95',
	'policy:7': '94',
};

describe('opening the logs panel', () => {
	test('l tails the selected policy: an ingested deviation shows with time, policy, type, severity in colour and message', async () => {
		app = await openLogsApp({policies: ['db', 'web'], columns: 160});
		await app.log({id: 'log:db', policy: 'db', message: 'not for web'});
		await app.press('j', 'l');
		let frame = await app.waitForFrame(text => text.includes('No events for web in the last 24h — new ones show here as they happen'));
		expect(frame).toContain('Logs  web  [tail]');

		await app.during(async () => app!.client.ingest([containerFingerprint([nginx([sh()])], {at: Date.now() / 1000})]));
		frame = await app.waitForFrame(text => text.includes('Process "sh"'));
		const lines = panelLines(frame);
		expect(lines[0]).toMatch(/^\d\d:\d\d:\d\dZ web {2}deviation high {5}Process "sh" using executable "\/usr\/bin\/dash" deviated from policy "web"\.$/);
		expect(lines[1]).toMatch(/^\d\d:\d\d:\d\dZ web {2}action {4}high {5}Audit mode: would create a high red flag: Process "sh"/);
		expect(frame).not.toContain('not for web');
		// Severity in its colour (high: bold red).
		expect(app.rawFrame()).toContain('\u001B[1m\u001B[31mhigh');
	});

	test('L tails every policy, each policy name in the colour its uid hashes to', async () => {
		app = await openLogsApp({policies: ['db', 'web']});
		await app.log({id: 'log:1', policy: 'web', message: 'from web'});
		await app.log({id: 'log:2', policy: 'db', message: 'from db'});
		await app.press('L');
		const frame = await app.waitForFrame(text => text.includes('from web') && text.includes('from db'));
		expect(frame).toContain('Logs  all policies  [tail]');
		for (const name of ['web', 'db']) {
			const code = policyColourCodes[policyTone(app.uids.get(name)!)];
			const line = app.rawFrame().split('\n').find(candidate => candidate.includes(`from ${name}`))!;
			expect(line).toContain(`\u001B[${code}m${name} `);
		}
	});

	test('esc and q close the panel back to the list; ctrl+c quits from it', async () => {
		app = await openLogsApp({policies: ['web']});
		await app.press('l');
		await app.waitForFrame(text => text.includes('Logs  web'));
		await app.press(KEYS.escape);
		expect(app.frame()).not.toContain('Logs  web');
		expect(app.frame()).toContain('STATUS');
		await app.press('l');
		await app.waitForFrame(text => text.includes('Logs  web'));
		await app.press('q');
		expect(app.frame()).toContain('STATUS');
		expect(app.isListening()).toBe(true);
		await app.press('l', KEYS.ctrlC);
		expect(app.isListening()).toBe(false);
	});

	test('spytui tail NAME opens straight on the panel, once the name is looked up; an unknown name is said', async () => {
		app = await openLogsApp({policies: ['web'], open: {policy: 'web'}});
		await app.log({id: 'log:1', policy: 'web', message: 'straight in'});
		await app.waitForFrame(text => text.includes('Logs  web  [tail]') && text.includes('straight in'));
		await app.close();

		app = await openLogsApp({policies: ['web'], open: {policy: 'nope'}});
		const frame = await app.waitForFrame(text => text.includes('The tail stopped'));
		expect(panelLines(frame).join(' ').replace(/\s+/g, ' ')).toContain("The tail stopped: No policies matching name_or_uid 'nope'. Press 0 to 6 to try again, esc to go back.");
	});

	test('spytui tail with no name opens on every policy', async () => {
		app = await openLogsApp({policies: ['web'], open: {}});
		await app.log({id: 'log:1', policy: 'web', message: 'everyone'});
		await app.waitForFrame(text => text.includes('Logs  all policies') && text.includes('everyone'));
	});
});
