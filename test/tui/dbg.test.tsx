import {test} from 'vitest';
import {scanPolicyFolder} from '../../source/operations/local-folder.js';
import {App} from '../../source/tui/app.js';
import {renderTui} from '../helpers/ink.js';
test('dbg', async () => {
	const ui = await renderTui(<App source={{mode: 'x', location: 'y', load: async () => scanPolicyFolder('examples', process.cwd())}} />, {columns: 80, rows: 24});
	await ui.waitForFrame(f => f.includes('web-frontend'));
	await ui.press('j', '\r', 'j');
	console.log(JSON.stringify(ui.rawFrame().split('\n').slice(10, 14)));
	await ui.unmount();
});
