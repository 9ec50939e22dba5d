import path from 'node:path';
import {expect, test} from 'vitest';
import {policyCatalog} from '../../source/server/evaluate/policy-catalog.js';
import type {Workload} from '../../source/server/evaluate/workload.js';
import {openDatabase} from '../../source/server/store/database.js';
import {ensureOrg} from '../../source/server/store/orgs.js';
import {policyStore} from '../../source/server/store/policies.js';
import {samplePolicy} from '../helpers/server.js';
import {tempDir} from '../helpers/temp.js';

/** The app's embedded server and a command's, on one database file. */
function twoStores() {
	const file = path.join(tempDir(), 'spytui.db');
	const app = openDatabase(file);
	const command = openDatabase(file);
	const org = ensureOrg(app);
	return {org, app: policyStore(app), command: policyStore(command), close: () => [app, command].forEach(db => db.close())};
}

const actor = {user: 'test', now: 1};
const names = (body: Buffer) => (JSON.parse(body.toString('utf8')) as Array<{name: string}>).map(record => record.name);

test('a cached list sees writes made by another process on the same database', () => {
	const {org, app, command, close} = twoStores();
	expect(app.listAnswer(org.uid, {}).body.toString()).toBe('[]');
	app.create(org.uid, samplePolicy('first'), actor);
	expect(names(app.listAnswer(org.uid, {}).body)).toEqual(['first']);
	command.create(org.uid, samplePolicy('second'), actor);
	expect(names(app.listAnswer(org.uid, {}).body)).toEqual(['first', 'second']);
	close();
});

test('the list is in the order of type, then name, with filters applied, and stays one Buffer until a write', () => {
	const {org, app, close} = twoStores();
	for (const name of ['zeta', 'alpha', 'mid']) app.create(org.uid, samplePolicy(name), actor);
	app.create(org.uid, {...samplePolicy('svc'), metadata: {name: 'svc', type: 'linux-service'}, spec: {...samplePolicy('svc').spec, containerSelector: undefined, serviceSelector: {cgroup: 'systemd:/system.slice/x.service'}}}, actor);
	const all = app.listAnswer(org.uid, {}).body;
	expect(names(all)).toEqual(['alpha', 'mid', 'zeta', 'svc']);
	expect(app.listAnswer(org.uid, {}).body).toBe(all);
	expect(names(app.listAnswer(org.uid, {type: 'linux-service'}).body)).toEqual(['svc']);
	expect(names(app.listAnswer(org.uid, {nameContains: 'ET'}).body)).toEqual(['zeta']);
	expect(names(app.listAnswer(org.uid, {policyContains: 'system.slice'}).body)).toEqual(['svc']);
	const before = app.revision();
	app.remove(org.uid, JSON.parse(all.toString())[0].uid as string);
	expect(app.revision()).not.toBe(before);
	expect(names(app.listAnswer(org.uid, {}).body)).toEqual(['mid', 'zeta', 'svc']);
	close();
});

test('a long list, and the archive, come in the order of type, name and uid, whatever order the writes came in', () => {
	const {org, app, close} = twoStores();
	const order = (records: Array<{type: string; name: string; uid: string; version?: number}>) =>
		[...records].sort((a, b) => a.type.localeCompare(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.uid < b.uid ? -1 : 1) || (a.version ?? 0) - (b.version ?? 0));
	const created = Array.from({length: 400}, (_, index) => {
		const name = `p-${(index * 7919) % 97}`;
		const policy = index % 3 ? samplePolicy(name) : {...samplePolicy(name), metadata: {name, type: 'linux-service'}, spec: {...samplePolicy(name).spec, containerSelector: undefined, serviceSelector: {cgroup: 'systemd:/system.slice/x.service'}}};
		return app.create(org.uid, policy, actor);
	});
	for (const record of created.slice(0, 50)) app.update(org.uid, {...record.policy, spec: {...record.policy.spec, mode: 'enforce'}}, actor);
	const listed = JSON.parse(app.listAnswer(org.uid, {}).body.toString()) as Array<{type: string; name: string; uid: string}>;
	expect(listed).toHaveLength(400);
	expect(listed.map(record => record.uid)).toEqual(order(listed).map(record => record.uid));
	const archived = JSON.parse(app.listAnswer(org.uid, {fromArchive: true}).body.toString()) as Array<{type: string; name: string; uid: string; version: number}>;
	expect(archived).toHaveLength(450);
	expect(archived.map(record => `${record.uid} ${record.version}`)).toEqual(order(archived).map(record => `${record.uid} ${record.version}`));
	close();
});

test('the catalog keeps enabled policies whose selectors pick the workload, and follows writes from either process', () => {
	const {org, app, command, close} = twoStores();
	const catalog = policyCatalog(org.uid, app);
	const web = app.create(org.uid, samplePolicy('web'), actor);
	app.create(org.uid, samplePolicy('db'), actor);
	app.create(org.uid, samplePolicy('off', {enabled: false, containerSelector: {image: 'registry.example.com/web:*'}}), actor);
	const workload: Workload = {type: 'container', container: {image: 'registry.example.com/web:1.2'}, service: {}, cluster: {}, hostnames: []};
	expect(catalog.matching(workload).map(policy => [policy.name, policy.version])).toEqual([['web', 1]]);

	const updated = app.update(org.uid, {...web.policy, spec: {...web.policy.spec, mode: 'enforce'}}, actor);
	expect(catalog.matching(workload).map(policy => [policy.name, policy.version, policy.mode])).toEqual([['web', updated.version, 'enforce']]);

	command.update(org.uid, {...updated.policy, spec: {...updated.policy.spec, enabled: false}}, actor);
	expect(catalog.matching(workload)).toEqual([]);
	expect(catalog.matching({...workload, type: 'linux-service'})).toEqual([]);
	close();
});

test('a list of names in any script is sent as UTF-8, and a list longer than the last one still reads whole', () => {
	const {org, app, close} = twoStores();
	app.create(org.uid, samplePolicy('été-政策-🛡'), actor);
	expect(names(app.listAnswer(org.uid, {}).body)).toEqual(['été-政策-🛡']);
	for (let index = 0; index < 30; index++) app.create(org.uid, samplePolicy(`more-${String(index).padStart(2, '0')}`), actor);
	expect(names(app.listAnswer(org.uid, {}).body)).toEqual([...Array.from({length: 30}, (_, index) => `more-${String(index).padStart(2, '0')}`), 'été-政策-🛡']);
	close();
});

test('a database from an earlier version gets the list index on open, its policies kept', () => {
	const file = path.join(tempDir(), 'spytui.db');
	const old = openDatabase(file);
	const org = ensureOrg(old);
	policyStore(old).create(org.uid, samplePolicy('kept'), actor);
	// The first schema's index, as a database written before this version has it.
	old.exec('DROP INDEX policies_by_org; CREATE INDEX policies_by_org ON policies (org_uid, type, name);');
	old.pragma('user_version = 1');
	old.close();

	const db = openDatabase(file);
	expect(db.pragma('user_version', {simple: true})).toBe(2);
	expect((db.prepare("SELECT name FROM pragma_index_info('policies_by_org')").all() as Array<{name: string}>).map(column => column.name)).toEqual(['org_uid', 'type', 'name', 'uid']);
	expect(names(policyStore(db).listAnswer(org.uid, {}).body)).toEqual(['kept']);
	db.close();
});
