import './colour-terminal.js';
import {afterEach, describe, expect, test} from 'vitest';
import {KEYS} from '../helpers/ink.js';
import {type LogsApp, openLogsApp, panelLines, selectedLine} from './logs-app.js';

let app: LogsApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const messages = ['nginx started', 'sh ran /bin/sh', 'curl fetched', 'sh again', 'NGINX reloaded'];

async function tail(): Promise<LogsApp> {
	const opened = await openLogsApp({policies: ['web']});
	const now = Date.now() / 1000;
	for (const [index, message] of messages.entries()) await opened.log({id: `log:${index}`, policy: 'web', message, time: now - 10 + index});
	await opened.press('l');
	await opened.waitForFrame(text => text.includes('NGINX reloaded'));
	return opened;
}

const shownMessages = (frame: string) => panelLines(frame).filter(line => line.includes(' high ')).map(line => line.replace(/^.* high {5}/, ''));

describe('searching with /', () => {
	test('matches are highlighted as the search is typed, and every line stays', async () => {
		app = await tail();
		await app.press('/', 's', 'h');
		const frame = app.frame();
		expect(frame).toContain('/sh');
		expect(shownMessages(frame)).toEqual(messages);
		// The match tone: yellow, inverse.
		const line = app.rawFrame().split('\n').find(candidate => candidate.includes('again'))!;
		expect(line).toContain('\u001B[7m\u001B[33msh\u001B[39m\u001B[27m again');
	});

	test('enter goes to the nearest match; n and N go from match to match and round the ends', async () => {
		app = await tail();
		await app.press('/', 's', 'h', KEYS.enter);
		expect(selectedLine(app.rawFrame())).toMatch(/sh again$/);
		expect(app.frame()).toContain('/sh 2 of 2');
		await app.press('N');
		expect(selectedLine(app.rawFrame())).toMatch(/sh ran \/bin\/sh$/);
		expect(app.frame()).toContain('/sh 1 of 2');
		await app.press('n');
		expect(selectedLine(app.rawFrame())).toMatch(/sh again$/);
		await app.press('n');
		expect(selectedLine(app.rawFrame())).toMatch(/sh ran \/bin\/sh$/);
		expect(app.frame()).toContain('search hit the bottom, continued at the top');
	});

	test('esc goes back to the search before; backspace and ctrl+u edit what is typed', async () => {
		app = await tail();
		await app.press('/', 'c', 'u', 'r', 'l', KEYS.enter, '/', KEYS.backspace, KEYS.backspace);
		expect(app.frame()).toContain('/cu');
		await app.press(KEYS.ctrlU);
		expect(app.frame()).toContain('regex; enter keeps and goes to the nearest match');
		await app.press(KEYS.escape);
		expect(app.frame()).toContain('/curl 1 of 1');
	});
});

describe('filtering with &', () => {
	test('only matching lines are shown, as it is typed; a leading ! shows the others', async () => {
		app = await tail();
		await app.press('&', 'n', 'g', 'i', 'n', 'x');
		expect(shownMessages(app.frame())).toEqual(['nginx started', 'NGINX reloaded']);
		expect(app.frame()).toContain('2 of 5 events');
		await app.press(KEYS.enter);
		expect(app.frame()).toContain('Logs  web  [tail]  &nginx');
		await app.press('&', KEYS.ctrlU, '!', 's', 'h', KEYS.enter);
		expect(shownMessages(app.frame())).toEqual(['nginx started', 'curl fetched', 'NGINX reloaded']);
	});

	test('new events pass the filter too', async () => {
		app = await tail();
		await app.press('&', 'c', 'u', 'r', 'l', KEYS.enter);
		await app.log({id: 'log:new', policy: 'web', message: 'curl again'});
		await app.log({id: 'log:other', policy: 'web', message: 'not this one'});
		const frame = await app.waitForFrame(text => text.includes('curl again'));
		expect(shownMessages(frame)).toEqual(['curl fetched', 'curl again']);
	});

	test('an invalid regex is said and matched as plain text; esc goes back to the filter before', async () => {
		app = await tail();
		await app.press('&', 's', 'h', KEYS.enter, '&', KEYS.ctrlU, 'n', 'g', '(');
		expect(app.frame()).toContain('invalid regex: Unterminated group; matching it as plain text');
		expect(app.frame()).toContain('No line matches &ng( among 5 events');
		await app.press(KEYS.escape);
		expect(shownMessages(app.frame())).toEqual(['sh ran /bin/sh', 'sh again']);
	});
});
