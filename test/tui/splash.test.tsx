import {Readable, PassThrough} from 'node:stream';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {CommandIo} from '../../source/commands/io.js';
import {Splash} from '../../source/tui/components/splash.js';
import {launchApp} from '../../source/tui/launch.js';
import {KEYS, renderTui} from '../helpers/ink.js';
import {tempDir} from '../helpers/temp.js';

describe('the splash, drawn while the app loads', () => {
	test('shows the header\'s first part, cut to a narrow terminal', async () => {
		const app = await renderTui(<Splash />, {columns: 80, rows: 24});
		expect(app.frame()).toBe('spytui  ◌ starting…');
		const narrow = await renderTui(<Splash />, {columns: 12, rows: 24});
		expect(narrow.frame()).toBe('spytui  ◌ s…');
	});

	test.each([
		['q', 'q'],
		['ctrl-c', KEYS.ctrlC],
	])('%s quits before the app has loaded', async (_name, key) => {
		const app = await renderTui(<Splash />);
		await app.press('j', KEYS.down);
		expect(app.isListening()).toBe(true);
		await app.press(key);
		expect(app.isListening()).toBe(false);
	});
});

describe('launchApp', () => {
	test('builds the app for a folder, which then lists its policies', async () => {
		const home = tempDir('spytui-launch-');
		const io: CommandIo = {stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from([]), stdinIsTty: true, stdoutIsTty: true, env: {XDG_CONFIG_HOME: path.join(home, 'config')}, cwd: home, home};
		const launched = await launchApp({dir: path.resolve('examples'), color: false}, io);
		const app = await renderTui(launched.element, {columns: 120, rows: 30});
		const frame = await app.waitForFrame(text => /Policies [1-9]/.test(text));
		expect(frame).toContain('offline files');
		await app.unmount();
		await launched.close();
	});
});
