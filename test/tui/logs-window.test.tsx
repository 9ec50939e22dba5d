import {afterEach, describe, expect, test} from 'vitest';
import {type LogsApp, openLogsApp, panelLines} from './logs-app.js';

let app: LogsApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

const ago = (seconds: number) => Date.now() / 1000 - seconds;

/** The messages shown once the read of the window picked by `key` is done. */
async function windowShows(opened: LogsApp, key: string, label: string): Promise<string[]> {
	await opened.press(key);
	const frame = await opened.waitForFrame(text => text.includes(`[${label}]`) && !text.includes('reading the last'));
	return panelLines(frame)
		.filter(line => line.includes(' high '))
		.map(line => line.replace(/^.* high {5}/, ''));
}

describe('the windows 0 to 6', () => {
	test('each digit reads its window again; the tail shows the newest events of the day', async () => {
		app = await openLogsApp({policies: ['web']});
		await app.log({id: 'log:2d', policy: 'web', message: 'two days ago', time: ago(2 * 86_400)});
		await app.log({id: 'log:3h', policy: 'web', message: 'three hours ago', time: ago(3 * 3600)});
		await app.log({id: 'log:45m', policy: 'web', message: '45 minutes ago', time: ago(45 * 60)});
		await app.log({id: 'log:20m', policy: 'web', message: '20 minutes ago', time: ago(20 * 60)});
		await app.log({id: 'log:10m', policy: 'web', message: '10 minutes ago', time: ago(10 * 60)});
		await app.log({id: 'log:2m', policy: 'web', message: 'two minutes ago', time: ago(120)});
		await app.press('l');
		await app.waitForFrame(text => text.includes('two minutes ago'));

		const newest = ['three hours ago', '45 minutes ago', '20 minutes ago', '10 minutes ago', 'two minutes ago'];
		expect(await windowShows(app, '6', '24h')).toEqual(newest);
		expect(await windowShows(app, '5', '1h')).toEqual(newest.slice(1));
		expect(await windowShows(app, '4', '30m')).toEqual(newest.slice(2));
		expect(await windowShows(app, '3', '15m')).toEqual(newest.slice(3));
		expect(await windowShows(app, '2', '5m')).toEqual(newest.slice(4));
		expect(await windowShows(app, '1', '1m')).toEqual([]);
		expect(app.frame()).toContain('No events for web in the last 1m — press 0 to tail from now');
		expect(await windowShows(app, '0', 'tail')).toEqual(newest);
	});

	test('the tail keeps the newest 100 of the day, then adds every new one', async () => {
		app = await openLogsApp({policies: ['web']});
		for (let index = 0; index < 105; index++) await app.log({id: `log:${String(index).padStart(3, '0')}`, policy: 'web', message: `event ${index}`, time: ago(200 - index)});
		await app.press('l');
		let frame = await app.waitForFrame(text => text.includes('event 104'));
		expect(frame).toContain('100 events');
		await app.log({id: 'log:new', policy: 'web', message: 'a new one'});
		frame = await app.waitForFrame(text => text.includes('a new one'));
		expect(frame).toContain('101 events');
	});
});
