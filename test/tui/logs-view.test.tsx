import fs from 'node:fs';
import path from 'node:path';
import './colour-terminal.js';
import {afterEach, describe, expect, test} from 'vitest';
import {KEYS} from '../helpers/ink.js';
import {type LogsApp, openLogsApp, panelLines} from './logs-app.js';

let app: LogsApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const long = `Process "curl" connected to ${'very-long-host-name.'.repeat(6)}example.net on port 443, which the policy does not allow`;

async function tail(columns = 80): Promise<LogsApp> {
	const opened = await openLogsApp({policies: ['web'], columns, rows: 24});
	await opened.log({id: 'log:short', policy: 'web', message: 'short one', time: Date.now() / 1000 - 5});
	await opened.log({id: 'log:long', policy: 'web', message: long, severity: 'critical'});
	await opened.press('l');
	await opened.waitForFrame(text => text.includes('Process "curl"'));
	return opened;
}

describe('wrap, timestamps and fullscreen', () => {
	test('w wraps long lines instead of cutting them, and again cuts them; no line is wider than the terminal', async () => {
		app = await tail();
		const cut = panelLines(app.frame()).filter(line => line !== '');
		expect(cut).toHaveLength(2);
		expect(cut[1]).toMatch(/…$/);
		await app.press('w');
		const wrapped = panelLines(app.frame()).filter(line => line !== '');
		expect(wrapped.length).toBeGreaterThan(3);
		expect(wrapped.join(' ').replace(/\s+/g, ' ')).toContain('which the policy does not allow');
		expect(app.frame()).toContain('Wrap:On');
		expect(app.frame().split('\n').every(line => [...line].length <= 80)).toBe(true);
		await app.press('w');
		expect(panelLines(app.frame()).filter(line => line !== '')).toEqual(cut);
	});

	test('t hides the time of each event, and shows it again', async () => {
		app = await tail();
		// At 80 columns one policy's name is in the title only: the message gets its columns.
		expect(panelLines(app.frame())[0]).toMatch(/^\d\d:\d\d:\d\dZ deviation/);
		await app.press('t');
		expect(panelLines(app.frame())[0]).toMatch(/^deviation high {5}short one$/);
		expect(app.frame()).toContain('Timestamps:Off');
		await app.press('t');
		expect(panelLines(app.frame())[0]).toMatch(/^\d\d:\d\d:\d\dZ /);
	});

	test('a wider panel names the policy on each line', async () => {
		app = await tail(120);
		expect(panelLines(app.frame())[0]).toMatch(/^\d\d:\d\d:\d\dZ web {2}deviation high {5}short one/);
	});

	test('f gives the logs the whole screen without header, border or hints, and gives the panel back', async () => {
		app = await tail();
		await app.press('f');
		let frame = app.frame();
		expect(frame.split('\n')[0]).toMatch(/^Follow:On/);
		expect(frame).not.toContain('spytui  embedded');
		expect(frame).not.toContain('╭');
		expect(frame).not.toContain('? help');
		expect(frame.split('\n')[1]).toMatch(/^\d\d:\d\d:\d\dZ deviation high {5}short one/);
		await app.press('f');
		frame = app.frame();
		expect(frame.split('\n')[0]).toMatch(/^spytui {2}embedded/);
		expect(frame).toContain('╭─ Logs  web');
	});
});

describe('an event as JSON', () => {
	test('enter shows the selected event pretty-printed and coloured under its line, and enter folds it again', async () => {
		app = await tail(100);
		await app.press('k', KEYS.enter);
		const lines = panelLines(app.frame());
		expect(lines[0]).toMatch(/short one$/);
		expect(lines.slice(1, 4)).toEqual(['  {', '    "schema": "event_log:guardian_deviation:1.0.0",', '    "id": "log:short",']);
		expect(lines).toContain('    "severity": "high",');
		const raw = app.rawFrame();
		expect(raw).toContain('\u001B[36m"schema"\u001B[39m');
		expect(raw).toContain('\u001B[32m"log:short"\u001B[39m');
		// The time, a number: yellow.
		expect(raw).toMatch(new RegExp(`${'\u001B'}\\[33m\\d+\\.\\d+${'\u001B'}\\[39m`));
		await app.press(KEYS.enter);
		expect(panelLines(app.frame()).filter(line => line !== '')).toHaveLength(2);
	});
});

describe('saving', () => {
	test('ctrl+s writes the events shown (after the filter) to a file named after the policy and the time, and says where', async () => {
		// Wide enough for the temporary folder's path in the flash line.
		app = await tail(200);
		await app.press('&', 'c', 'u', 'r', 'l', KEYS.enter, '\u0013');
		const frame = await app.waitForFrame(text => text.includes('saved 1 event to'));
		const file = /saved 1 event to (\S+\.log)/.exec(frame)?.[1] ?? '';
		expect(path.dirname(file)).toBe(app.saveDir);
		expect(path.basename(file)).toMatch(/^web-\d{8}-\d{6}\.log$/);
		expect(fs.readFileSync(file, 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ web deviation critical Process "curl" connected to .* which the policy does not allow\n$/);
	});
});
