import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import type {PolicyDocument, ServerPolicy} from '../../source/api/policy-records.js';
import {currentDocument, draftStore, rebaseDraft, startOrExtendDraft, toggleEnabled, toggleMode, undoDraft} from '../../source/operations/drafts.js';
import {tempDir} from '../helpers/temp.js';

function serverPolicy(spec: Record<string, unknown> = {}, version = 3): ServerPolicy {
	return {
		uid: 'pol:Pm7xQ2sV9nL4kJd8RtE0',
		name: 'payments-api',
		type: 'container',
		version,
		tags: [],
		policy: {
			apiVersion: 'spyderbat/v1',
			kind: 'SpyderbatPolicy',
			metadata: {name: 'payments-api', type: 'container', uid: 'pol:Pm7xQ2sV9nL4kJd8RtE0', version},
			spec: {
				containerSelector: {image: 'registry.example.com/payments:*'},
				mode: 'enforce',
				processPolicy: [{name: 'node', exe: ['/usr/bin/node'], id: 'node_0', euser: ['app']}],
				response: {default: [{makeRedFlag: {severity: 'high'}}], actions: []},
				...spec,
			},
		},
	};
}

/** Deep-frozen, so that any mutation of an input throws in strict mode. */
function frozen<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		for (const child of Object.values(value)) frozen(child);
		Object.freeze(value);
	}
	return value;
}

const withSpec = (document: PolicyDocument, spec: Record<string, unknown>): PolicyDocument => ({...document, spec: {...document.spec, ...spec}});

describe('toggles', () => {
	test('mode flips between audit and enforce; a missing mode counts as enforce', () => {
		const {policy} = frozen(serverPolicy());
		expect(toggleMode(policy).spec['mode']).toBe('audit');
		expect(toggleMode(toggleMode(policy)).spec['mode']).toBe('enforce');
		const {mode: _mode, ...noMode} = policy.spec;
		expect(toggleMode({...policy, spec: noMode}).spec['mode']).toBe('audit');
	});

	test('enabled flips between false and true; a missing enabled counts as true', () => {
		const {policy} = frozen(serverPolicy());
		expect(toggleEnabled(policy).spec['enabled']).toBe(false);
		expect(toggleEnabled(toggleEnabled(policy)).spec['enabled']).toBe(true);
		expect(toggleEnabled(withSpec(policy, {enabled: true})).spec['enabled']).toBe(false);
	});

	test('toggles leave the rest of the document as it was', () => {
		const {policy} = frozen(serverPolicy());
		const toggled = toggleEnabled(toggleMode(policy));
		expect({...toggled, spec: {...toggled.spec, mode: 'enforce', enabled: undefined}}).toEqual({...policy, spec: {...policy.spec, enabled: undefined}});
	});
});

describe('draft history', () => {
	test('the first edit starts a draft from the server copy, with its version', () => {
		const server = frozen(serverPolicy());
		const draft = startOrExtendDraft(undefined, server, toggleMode, 1000);
		expect(draft).toMatchObject({uid: server.uid, name: 'payments-api', baseVersion: 3, base: server.policy, updatedAt: 1000});
		expect(draft.history).toHaveLength(1);
		expect(currentDocument(draft).spec['mode']).toBe('audit');
	});

	test('later edits build on the draft, not on the server copy, and undo walks back one at a time', () => {
		const server = frozen(serverPolicy());
		const first = frozen(startOrExtendDraft(undefined, server, toggleMode, 1000));
		const second = frozen(startOrExtendDraft(first, server, toggleEnabled, 2000));
		const third = startOrExtendDraft(second, server, toggleMode, 3000);
		expect(third.history.map(document => [document.spec['mode'], document.spec['enabled']])).toEqual([
			['audit', undefined],
			['audit', false],
			['enforce', false],
		]);
		expect(third.updatedAt).toBe(3000);
		expect(third.base).toBe(server.policy);

		const undone = undoDraft(third);
		expect(undone && currentDocument(undone).spec).toMatchObject({mode: 'audit', enabled: false});
		expect(undone?.history).toHaveLength(2);
		// The input keeps all three steps.
		expect(third.history).toHaveLength(3);
	});

	test('a switch toggled back is written as the server copy writes it, so the draft equals the server copy', () => {
		const {mode: _mode, ...noMode} = serverPolicy().policy.spec;
		for (const server of [serverPolicy(), serverPolicy({enabled: true}), {...serverPolicy(), policy: {...serverPolicy().policy, spec: noMode}}]) {
			frozen(server);
			const twice = (edit: (document: PolicyDocument) => PolicyDocument) => startOrExtendDraft(startOrExtendDraft(undefined, server, edit, 1000), server, edit, 2000);
			expect(currentDocument(twice(toggleMode))).toEqual(server.policy);
			expect(currentDocument(twice(toggleEnabled))).toEqual(server.policy);
		}
	});

	test('undoing the only edit leaves no draft', () => {
		const draft = startOrExtendDraft(undefined, serverPolicy(), toggleMode, 1000);
		expect(undoDraft(draft)).toBeUndefined();
	});

	test('a rename in an edit renames the draft, and undo brings the old name back', () => {
		const server = serverPolicy();
		const first = startOrExtendDraft(undefined, server, toggleMode, 1000);
		const renamed = startOrExtendDraft(first, server, document => ({...document, metadata: {...document.metadata, name: 'payments-v2'}}), 2000);
		expect(renamed.name).toBe('payments-v2');
		expect(undoDraft(renamed)?.name).toBe('payments-api');
	});
});

describe('rebaseDraft', () => {
	test('replays the edits on a newer server copy and takes its version', () => {
		const server = frozen(serverPolicy());
		const draft = frozen(startOrExtendDraft(startOrExtendDraft(undefined, server, toggleMode, 1000), server, toggleEnabled, 2000));
		// Someone else added a process and bumped the version meanwhile.
		const processes = [...(server.policy.spec['processPolicy'] as unknown[]), {name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['app']}];
		const latest = frozen(serverPolicy({processPolicy: processes}, 4));

		const {draft: rebased, conflicts} = rebaseDraft(draft, latest);
		expect(conflicts).toEqual([]);
		expect(rebased.baseVersion).toBe(4);
		expect(rebased.base).toBe(latest.policy);
		expect(currentDocument(rebased)).toEqual(withSpec(latest.policy, {mode: 'audit', enabled: false}));
		// Undo still goes back one edit, now on top of the new copy.
		const undone = undoDraft(rebased);
		expect(undone && currentDocument(undone)).toEqual(withSpec(latest.policy, {mode: 'audit'}));
	});

	test('a field changed the same way on both sides is no conflict', () => {
		const server = serverPolicy();
		const draft = startOrExtendDraft(undefined, server, toggleMode, 1000);
		const {draft: rebased, conflicts} = rebaseDraft(draft, serverPolicy({mode: 'audit'}, 4));
		expect(conflicts).toEqual([]);
		expect(currentDocument(rebased).spec['mode']).toBe('audit');
	});

	test('fields changed differently on both sides are conflicts, and the draft keeps its values there', () => {
		const server = serverPolicy();
		const draft = startOrExtendDraft(
			undefined,
			server,
			document => withSpec(document, {response: {default: [{makeRedFlag: {severity: 'critical'}}], actions: []}, containerSelector: {image: 'registry.example.com/payments:v2'}}),
			1000,
		);
		const latest = serverPolicy({response: {default: [{makeRedFlag: {severity: 'low'}}], actions: []}, containerSelector: {image: 'registry.example.com/payments:v3'}, mode: 'audit'}, 4);

		const {draft: rebased, conflicts} = rebaseDraft(draft, latest);
		expect(conflicts).toEqual(['spec.containerSelector.image', 'spec.response.default']);
		const document = currentDocument(rebased);
		expect(document.spec['containerSelector']).toEqual({image: 'registry.example.com/payments:v2'});
		expect(document.spec['response']).toEqual({default: [{makeRedFlag: {severity: 'critical'}}], actions: []});
		// The server's own change where the draft did not touch is kept.
		expect(document.spec['mode']).toBe('audit');
	});

	test('editing inside a section the server removed is a conflict', () => {
		const server = serverPolicy({networkPolicy: {ingress: [], egress: []}});
		const draft = startOrExtendDraft(undefined, server, document => withSpec(document, {networkPolicy: {ingress: [], egress: [{to: [{dnsSelector: ['example.com']}]}]}}), 1000);
		const {networkPolicy: _removed, ...specWithout} = server.policy.spec;
		const latest: ServerPolicy = {...server, version: 4, policy: {...server.policy, spec: specWithout}};
		expect(rebaseDraft(draft, latest).conflicts).toEqual(['spec.networkPolicy.egress']);
	});

	test('a field the draft removed is removed from the newer copy too', () => {
		const selector = {image: 'registry.example.com/payments:*', containerName: 'api'};
		const draft = startOrExtendDraft(undefined, serverPolicy({containerSelector: selector}), document => withSpec(document, {containerSelector: {image: selector.image}}), 1000);
		const {draft: rebased, conflicts} = rebaseDraft(draft, serverPolicy({containerSelector: selector, mode: 'audit'}, 4));
		expect(conflicts).toEqual([]);
		expect(currentDocument(rebased).spec['containerSelector']).toEqual({image: selector.image});
		expect(currentDocument(rebased).spec['mode']).toBe('audit');
	});
});

// One temporary folder for the file, with a data dir per test inside.
const root = tempDir();
const freshDataDir = () => fs.mkdtempSync(path.join(root, 'data-'));

describe('draftStore', () => {
	const draftOf = (spec: Record<string, unknown> = {}) => startOrExtendDraft(undefined, serverPolicy(spec), toggleMode, 1000);

	test('a saved draft comes back from a new store over the same folder, as after a restart', () => {
		const dataDir = freshDataDir();
		const draft = startOrExtendDraft(draftOf(), serverPolicy(), toggleEnabled, 2000);
		draftStore(dataDir).save(draft);

		const reopened = draftStore(dataDir);
		expect(reopened.get(draft.uid)).toEqual(draft);
		expect(reopened.list()).toEqual([draft]);
		expect(reopened.problems()).toEqual([]);
	});

	test('a draft without a base version keeps it undefined', () => {
		const dataDir = freshDataDir();
		const {version: _version, ...unversioned} = serverPolicy();
		const draft = startOrExtendDraft(undefined, unversioned, toggleMode, 1000);
		draftStore(dataDir).save(draft);
		const read = draftStore(dataDir).get(draft.uid);
		expect(read).toHaveProperty('baseVersion', undefined);
		expect(read).toEqual(draft);
	});

	test('files are one per draft under drafts/, readable by the owner only, with no temporary files left', () => {
		const dataDir = freshDataDir();
		const store = draftStore(dataDir);
		const draft = draftOf();
		store.save(draft);
		store.save(startOrExtendDraft(draft, serverPolicy(), toggleEnabled, 2000));
		const folder = path.join(dataDir, 'drafts');
		const names = fs.readdirSync(folder);
		expect(names).toEqual([`${encodeURIComponent(draft.uid)}.json`]);
		expect(fs.statSync(path.join(folder, names[0]!)).mode & 0o777).toBe(0o600);
		expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
	});

	test('the mode is 0600 even under a permissive umask', () => {
		const previous = process.umask(0);
		try {
			const dataDir = freshDataDir();
			draftStore(dataDir).save(draftOf());
			const [name] = fs.readdirSync(path.join(dataDir, 'drafts'));
			expect(fs.statSync(path.join(dataDir, 'drafts', name!)).mode & 0o777).toBe(0o600);
		} finally {
			process.umask(previous);
		}
	});

	test('list sorts by name, and remove deletes a draft', () => {
		const dataDir = freshDataDir();
		const store = draftStore(dataDir);
		const payments = draftOf();
		const other = startOrExtendDraft(undefined, {...serverPolicy(), uid: 'pol:other', name: 'audit-logger'}, document => ({...document, metadata: {...document.metadata, name: 'audit-logger'}}), 1000);
		store.save(payments);
		store.save(other);
		expect(store.list().map(draft => draft.name)).toEqual(['audit-logger', 'payments-api']);
		store.remove(payments.uid);
		expect(store.list()).toEqual([other]);
		expect(store.get(payments.uid)).toBeUndefined();
		// Removing what is not there is not an error.
		store.remove(payments.uid);
	});

	test('no folder yet means no drafts', () => {
		const store = draftStore(path.join(freshDataDir(), 'never-created'));
		expect(store.list()).toEqual([]);
		expect(store.get('pol:nothing')).toBeUndefined();
		expect(store.problems()).toEqual([]);
	});

	test('a drafts folder that cannot be read is a problem, not a crash', () => {
		const dataDir = freshDataDir();
		fs.writeFileSync(path.join(dataDir, 'drafts'), 'a file where the folder should be');
		const store = draftStore(dataDir);
		expect(store.list()).toEqual([]);
		expect(store.problems()).toEqual([expect.stringMatching(/drafts: cannot list the drafts: .*ENOTDIR/)]);
	});

	test('corrupt files are skipped and reported, and the good drafts still load', () => {
		const dataDir = freshDataDir();
		const store = draftStore(dataDir);
		const good = draftOf();
		store.save(good);
		const folder = path.join(dataDir, 'drafts');
		fs.writeFileSync(path.join(folder, 'pol%3Atruncated.json'), '{"uid": "pol:truncated", "name": ');
		fs.writeFileSync(path.join(folder, 'pol%3Ashape.json'), JSON.stringify({...good, uid: 'pol:shape', history: []}));
		fs.writeFileSync(path.join(folder, 'copy.json'), JSON.stringify(good));
		// An interrupted write leaves a dotfile; it is neither a draft nor a problem.
		fs.writeFileSync(path.join(folder, `.${encodeURIComponent(good.uid)}.json.abc.tmp`), '{');

		expect(store.list()).toEqual([good]);
		const problems = store.problems();
		expect(problems).toHaveLength(3);
		expect(problems).toContainEqual(expect.stringMatching(/pol%3Atruncated\.json: not a valid draft, skipped: .*JSON/));
		expect(problems).toContainEqual(expect.stringMatching(/pol%3Ashape\.json: not a valid draft, skipped: history: /));
		expect(problems).toContainEqual(expect.stringMatching(/copy\.json: holds the draft of pol:Pm7xQ2sV9nL4kJd8RtE0, which belongs in pol%3APm7xQ2sV9nL4kJd8RtE0\.json; skipped/));

		expect(store.get('pol:truncated')).toBeUndefined();
		// Saving a good draft over a corrupt one clears its problem.
		store.save({...good, uid: 'pol:truncated'});
		expect(store.list()).toHaveLength(2);
		expect(store.problems()).toHaveLength(2);
	});
});
