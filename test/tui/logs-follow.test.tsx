import './colour-terminal.js';
import {afterEach, describe, expect, test} from 'vitest';
import {KEYS} from '../helpers/ink.js';
import {type LogsApp, openLogsApp, panelLines, selectedLine} from './logs-app.js';

let app: LogsApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** Opens the web policy's tail holding `count` events, `event 0` the oldest. */
async function tailWith(count: number, options: {buffer?: number; rows?: number} = {}): Promise<LogsApp> {
	const opened = await openLogsApp({policies: ['web'], ...options});
	const now = Date.now() / 1000;
	for (let index = 0; index < count; index++) await opened.log({id: `log:${String(index).padStart(3, '0')}`, policy: 'web', message: `event ${index}`, time: now - count + index});
	await opened.press('l');
	await opened.waitForFrame(text => text.includes(`event ${count - 1}`));
	return opened;
}

describe('following and pausing', () => {
	test('s pauses: new events are counted, not shown, until s follows again', async () => {
		app = await tailWith(3);
		await app.press('s');
		expect(app.frame()).toContain('Follow:Off');
		expect(selectedLine(app.rawFrame())).toMatch(/ event 2$/);
		await app.log({id: 'log:new1', policy: 'web', message: 'arrived while paused'});
		await app.log({id: 'log:new2', policy: 'web', message: 'also while paused'});
		const frame = await app.waitForFrame(text => text.includes('2 new events (s shows them)'));
		expect(frame).not.toContain('arrived while paused');
		await app.press('s');
		const following = app.frame();
		expect(following).toContain('Follow:On');
		expect(panelLines(following).filter(line => line !== '').slice(-2).map(line => line.replace(/^.*high {5}/, ''))).toEqual(['arrived while paused', 'also while paused']);
		expect(following).not.toContain('new events');
	});

	test('with a small buffer the oldest events make room, and the panel says how many were dropped', async () => {
		app = await tailWith(8, {buffer: 5});
		const frame = await app.waitForFrame(text => text.includes('dropped 3'));
		expect(frame).toContain('5 events');
		expect(frame).not.toContain('event 2 ');
		expect(panelLines(frame).filter(line => / event \d$/.test(line))).toHaveLength(5);
	});
});

describe('moving through the events', () => {
	test('j, k, g, G, home, end and the arrows move the selection (and pause); G follows again', async () => {
		app = await tailWith(5);
		await app.press('k');
		expect(app.frame()).toContain('Follow:Off');
		expect(selectedLine(app.rawFrame())).toMatch(/ event 3$/);
		await app.press(KEYS.up, 'k');
		expect(selectedLine(app.rawFrame())).toMatch(/ event 1$/);
		await app.press('j', KEYS.down);
		expect(selectedLine(app.rawFrame())).toMatch(/ event 3$/);
		await app.press('g');
		expect(selectedLine(app.rawFrame())).toMatch(/ event 0$/);
		await app.press('G');
		expect(app.frame()).toContain('Follow:On');
		expect(selectedLine(app.rawFrame())).toBeUndefined();
		await app.press('\u001B[H');
		expect(selectedLine(app.rawFrame())).toMatch(/ event 0$/);
		await app.press('\u001B[F');
		expect(app.frame()).toContain('Follow:On');
	});

	test('page keys move a screenful: pgdn, ctrl+f and space down; pgup and ctrl+b up', async () => {
		app = await tailWith(60, {rows: 20});
		const page = panelLines(app.frame()).length;
		await app.press('g');
		expect(selectedLine(app.rawFrame())).toMatch(/ event 0$/);
		await app.press(KEYS.pageDown);
		expect(selectedLine(app.rawFrame())).toMatch(new RegExp(` event ${page - 1}$`));
		await app.press(KEYS.ctrlF, KEYS.space);
		expect(selectedLine(app.rawFrame())).toMatch(new RegExp(` event ${3 * (page - 1)}$`));
		await app.press(KEYS.pageUp, KEYS.ctrlB);
		expect(selectedLine(app.rawFrame())).toMatch(new RegExp(` event ${page - 1}$`));
	});
});
