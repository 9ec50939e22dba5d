import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {buildPolicy} from '../../source/tui/create/build.js';
import {defaultName, nameProblem} from '../../source/tui/create/name.js';
import {expandPath, readSource} from '../../source/tui/create/read-source.js';
import {sourceItems} from '../../source/tui/create/source-items.js';
import {groupWorkloads, serviceName} from '../../source/tui/create/workloads.js';
import {activeScopes} from '../../source/tui/dispatch.js';
import {initialState, reducer, type State} from '../../source/tui/store.js';
import {tempDir} from '../helpers/temp.js';
import {samplePolicy} from '../helpers/server.js';
import {pressKeys} from './rows.js';

const folder = tempDir('spytui-create-pieces-');

function write(name: string, text: string): string {
	const file = path.join(folder, name);
	fs.writeFileSync(file, text);
	return file;
}

function containerRecord(id: string, image: string, time: number, name?: string) {
	return {
		id,
		time,
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'container', id, ...(name ? {name} : {})},
		spec: {containerSelector: {image}, processPolicy: [{name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['root']}], networkPolicy: {ingress: [], egress: []}},
	};
}

function serviceRecord(id: string, cgroup: string, time: number) {
	return {
		id,
		time,
		apiVersion: 'spyderbat/v1',
		kind: 'SpyderbatFingerprint',
		metadata: {type: 'linux-service', id},
		spec: {serviceSelector: {cgroup}, processPolicy: [{name: 'sshd', exe: ['/usr/sbin/sshd'], id: 'sshd_0', euser: ['root']}], networkPolicy: {ingress: [], egress: []}},
	};
}

describe('paths typed in the create dialog', () => {
	const base = {cwd: '/work/here', home: '/home/me'};

	test('~ is the home folder, a relative path starts in the current folder, an absolute one stays', () => {
		expect(expandPath('~', base)).toBe('/home/me');
		expect(expandPath('~/policies/web.yaml', base)).toBe('/home/me/policies/web.yaml');
		expect(expandPath('web.yaml', base)).toBe('/work/here/web.yaml');
		expect(expandPath('../other/web.yaml', base)).toBe('/work/other/web.yaml');
		expect(expandPath('  /tmp/web.yaml ', base)).toBe('/tmp/web.yaml');
	});

	test('a file that is not YAML says where, with its line and column', async () => {
		write('broken.yaml', 'apiVersion: spyderbat/v1\nkind: SpyderbatBaseline\nmetadata: {name: broken, type: container\n');
		const read = await readSource('broken.yaml', {cwd: folder, home: '/nowhere'});
		expect(read).toEqual({problems: [expect.stringMatching(new RegExp(`^${folder}/broken\\.yaml:\\d+:\\d+: not valid YAML or JSON`))]});
	});

	test('a missing file, a folder and standard input are refused with the reason', async () => {
		expect(await readSource('~/missing.yaml', {cwd: folder, home: folder})).toEqual({problems: [`${folder}/missing.yaml: no such file`]});
		expect(await readSource('.', {cwd: folder, home: folder})).toEqual({problems: [`${folder}: is a folder, not a file`]});
		expect(await readSource('-', {cwd: folder, home: folder})).toEqual({problems: ['standard input is the terminal spytui runs in: type the path of a file']});
	});

	test('an object the create engine cannot start from is refused before the name is asked', async () => {
		write('deviation.yaml', 'apiVersion: spyderbat/v1\nkind: GuardianDeviation\nmetadata: {type: container, policy_uid: pol:x, checksum: abc, uid: dev:x}\nspec: {}\n');
		const read = await readSource('deviation.yaml', {cwd: folder, home: folder});
		expect(read).toEqual({problems: [expect.stringMatching(/deviation\.yaml: cannot build a policy from it: Cannot build a policy starting from a GuardianDeviation/)]});
	});

	test('a good file becomes a source named as spyctl names it', async () => {
		write('web.yaml', JSON.stringify(samplePolicy('web')));
		const read = await readSource('web.yaml', {cwd: folder, home: folder});
		expect(read).toMatchObject({source: {label: "'web.yaml'", defaultName: 'web', objects: [{kind: 'SpyderbatPolicy'}]}});
	});
});

describe('the server fingerprints as workloads', () => {
	const records = [
		containerRecord('fprint:a1', 'web:1', 100),
		serviceRecord('fprint:s1', 'systemd:/system.slice/sshd.service', 150),
		containerRecord('fprint:a2', 'web:1', 200),
		containerRecord('fprint:b1', 'db:2', 120),
	];

	test('are grouped by image or cgroup, newest workload and newest fingerprint first', () => {
		const workloads = groupWorkloads(records);
		expect(workloads.map(workload => [workload.type, workload.title, workload.detail, workload.latest, workload.fingerprints.map(record => record['id'])])).toEqual([
			['container', 'web:1', undefined, 200, ['fprint:a2', 'fprint:a1']],
			['linux-service', 'sshd.service', 'systemd:/system.slice/sshd.service', 150, ['fprint:s1']],
			['container', 'db:2', undefined, 120, ['fprint:b1']],
		]);
	});

	test('list as aligned rows after the local file: type, image or service, count and age', () => {
		const items = sourceItems(groupWorkloads(records), 200 + 7200, 100);
		expect(items.map(item => item.label.trimEnd())).toEqual([
			'Local file…  a baseline, fingerprint, fingerprint group or policy (YAML or JSON)',
			'container      web:1                                             2 fingerprints  2h ago',
			'linux-service  sshd.service  systemd:/system.slice/sshd.service  1 fingerprint   2h ago',
			'container      db:2                                              1 fingerprint   2h ago',
		]);
	});

	test('name the policy as spyctl does: the first name given, else the image or the service', () => {
		expect(defaultName([containerRecord('a', 'web:1', 1, 'docker.io/web:1')])).toBe('docker.io/web:1');
		expect(defaultName([containerRecord('a', 'web:1', 1)])).toBe('web:1');
		expect(defaultName([serviceRecord('s', 'systemd:/system.slice/sshd.service', 1)])).toBe('sshd.service');
		expect(defaultName([{kind: 'FingerprintGroup', metadata: {}, data: {fingerprints: [containerRecord('a', 'x', 1, 'from-group')]}}])).toBe('from-group');
		expect(defaultName([])).toBe('');
		expect(serviceName('systemd:/system.slice/cron.service/')).toBe('cron.service');
	});
});

describe('building the policy', () => {
	const source = {label: "'web.yaml'", objects: [{...samplePolicy('web'), metadata: {...samplePolicy('web').metadata, uid: 'pol:old'}}], defaultName: 'web'};

	test('names and moulds it with the create engine; the server will give it its uid', () => {
		const built = buildPolicy(source, '  renamed ', 'enforce');
		expect(built).toMatchObject({policy: {metadata: {name: 'renamed', type: 'container'}, spec: {mode: 'enforce'}}, skipped: []});
		expect('policy' in built && built.policy.metadata).not.toHaveProperty('uid');
	});

	test('inputs the merge leaves out are said in spyctl words, naming the source', () => {
		const mixed = {label: "'mixed.yaml'", objects: [samplePolicy('web'), serviceRecord('s', 'systemd:/system.slice/sshd.service', 1)], defaultName: 'web'};
		const built = buildPolicy(mixed, 'web', 'audit');
		expect('skipped' in built && built.skipped).toEqual([
			"Error type mismatch. Trying to merge the policy built from 'mixed.yaml' of type 'container' with 'SpyderbatFingerprint' object of type 'linux-service'. Skipping...",
		]);
	});

	test('a name the schema refuses is said as validation says it', () => {
		expect(buildPolicy(source, '   ', 'audit')).toEqual({problems: ['metadata.name: must not be empty']});
		expect(nameProblem('')).toBe('metadata.name: must not be empty');
		expect(nameProblem('web')).toBeUndefined();
	});
});

describe('the create dialog in the reducer', () => {
	/** Connected to an API with no policies, nothing running. */
	function connected(): State {
		const start = initialState({columns: 100, rows: 30}, {origin: {kind: 'api', readOnly: false, draftsFolder: '/drafts'}});
		const withBackend = reducer(start, {type: 'connected', task: 1, backend: {kind: 'embedded', label: 'local', organization: 'o'}});
		return reducer(withBackend, {type: 'listed', request: withBackend.load.request, policies: [], at: 0});
	}

	test('each step has its own keys; the preview adds those of every dialog', () => {
		const opened = pressKeys(connected(), 'c');
		expect(activeScopes(opened)).toEqual(['create']);
		expect(opened.task).toMatchObject({kind: 'fingerprints'});
		const listed = reducer(opened, {type: 'fingerprints-fetched', task: opened.task!.id, workloads: groupWorkloads([containerRecord('a', 'web:1', 1)]), at: 10});
		const preview = pressKeys(listed, 'j', 'enter', 'enter');
		expect(preview.dialog).toMatchObject({kind: 'create', choice: 0, flow: {step: 'preview', name: 'web:1'}});
		expect(activeScopes(preview)).toEqual(['create', 'dialog']);
	});

	test('the local file does not wait for the fingerprint search, and the list asks again when it is shown again', () => {
		const path = pressKeys(connected(), 'c', 'enter');
		expect(path.dialog).toMatchObject({kind: 'create', flow: {step: 'path'}});
		expect(path.task).toBeUndefined();
		const list = pressKeys(path, 'esc');
		expect(list.dialog).toMatchObject({kind: 'create', flow: {step: 'source'}});
		expect(list.task).toMatchObject({kind: 'fingerprints'});
		// Closing the dialog stops waiting too, so c works again at once.
		const closed = pressKeys(list, 'esc');
		expect(closed.dialog).toBeUndefined();
		expect(closed.task).toBeUndefined();
		expect(pressKeys(closed, 'c').dialog).toMatchObject({kind: 'create'});
	});
});

describe('workloads the local observer saw', () => {
	test('a process tree named after its root is one workload per name and machine, said to be on that machine', () => {
		const tree = (hostname: string, at: number) => ({
			apiVersion: 'spyderbat/v1',
			kind: 'SpyderbatFingerprint',
			metadata: {type: 'linux-service', hostname, latestTimestamp: at},
			spec: {serviceSelector: {matchFields: {name: 'tmux: server'}}, machineSelector: {hostname}, processPolicy: [], networkPolicy: {ingress: [], egress: []}},
		});
		const workloads = groupWorkloads([tree('box', 10), tree('box', 20), tree('other', 5)]);
		expect(workloads.map(workload => [workload.title, workload.detail, workload.fingerprints.length])).toEqual([
			['tmux: server', 'process tree on box', 2],
			['tmux: server', 'process tree on other', 1],
		]);
	});
});
