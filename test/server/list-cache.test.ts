import path from 'node:path';
import {expect, test} from 'vitest';
import {openDatabase} from '../../source/server/store/database.js';
import {ensureOrg} from '../../source/server/store/orgs.js';
import {policyStore} from '../../source/server/store/policies.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';

test('a cached list sees writes made by another process on the same database', () => {
	const file = path.join(tempDir(), 'spytui.db');
	const app = openDatabase(file);
	const command = openDatabase(file);
	const org = ensureOrg(app);
	const appStore = policyStore(app);
	const commandStore = policyStore(command);
	const actor = {user: 'test', now: 1};
	appStore.create(org.uid, samplePolicy('first'), actor);
	expect(JSON.parse(appStore.listJson(org.uid, {}))).toHaveLength(1);
	commandStore.create(org.uid, samplePolicy('second'), actor);
	expect((JSON.parse(appStore.listJson(org.uid, {})) as Array<{name: string}>).map(record => record.name)).toEqual(['first', 'second']);
	app.close();
	command.close();
});
