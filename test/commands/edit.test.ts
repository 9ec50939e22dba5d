import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cli, tempDir} from '../helpers/cli.js';
import {startTestServer, type TestServer} from '../helpers/server.js';
import {createPolicy, homeWithContext, homeWithServerDown} from './api-context.js';

let server: TestServer;
let dirs: {home: string; cwd: string};
const scripts = tempDir('spytui-editors-');
const drafts = tempDir('spytui-edit-tmp-');

beforeAll(async () => {
	server = await startTestServer();
	dirs = homeWithContext(server);
});
afterAll(async () => {
	await server.close();
});

/**
 * An editor: a real process that edits the file it is given, as a person
 * would, with `text` holding the file's content. `$0` in the command line is
 * the file spytui passes.
 */
function editor(name: string, body: string): string {
	const script = path.join(scripts, `${name}.mjs`);
	fs.writeFileSync(script, `import fs from 'node:fs';\nconst file = process.argv[2];\nlet text = fs.readFileSync(file, 'utf8');\n${body}\nfs.writeFileSync(file, text);\n`);
	return `'${process.execPath}' '${script}'`;
}

/** Runs `edit policy` with this editor, drafts going to a fresh TMPDIR so that kept drafts can be found. */
async function edit(word: string, env: NodeJS.ProcessEnv) {
	const tmp = fs.mkdtempSync(path.join(drafts, 'run-'));
	const run = await cli(['edit', 'policy', word], {...dirs, env: {TMPDIR: tmp, ...env}});
	return {...run, drafts: fs.readdirSync(tmp).map(name => path.join(tmp, name))};
}

const toEnforce = editor('to-enforce', "text = text.replace('mode: audit', 'mode: enforce');");

describe('edit policy', () => {
	test('a valid change is saved as a new version, in spyctl words, and the draft is removed', async () => {
		const uid = await createPolicy(server, 'edit-ok');
		const run = await edit('edit-ok', {EDITOR: toEnforce});
		expect(run).toMatchObject({code: 0, stdout: '', stderr: `Successfully edited container-policy '${uid}'\n`, drafts: []});
		const saved = await server.client.getPolicy(uid);
		expect(saved.policy.spec['mode']).toBe('enforce');
		expect(saved.version).toBe(2);
	});

	test("the draft is a spytui-edit-*.yaml file that starts with spyctl's header", async () => {
		const seen = path.join(scripts, 'seen.txt');
		const uid = await createPolicy(server, 'edit-header');
		await edit(uid, {EDITOR: editor('record', `fs.writeFileSync(${JSON.stringify(seen)}, file + '\\n' + text);`)});
		const [file, ...lines] = fs.readFileSync(seen, 'utf8').split('\n');
		expect(path.basename(file!)).toMatch(/^spytui-edit-\w+\.yaml$/);
		expect(lines.slice(0, 5)).toEqual([
			"# Please edit the object below. Lines beginning with a '#' will be ignored,",
			'# and an empty file will abort the edit. If an error occurs while saving this file will be',
			'# reopened with the relevant failures.',
			'#',
			'apiVersion: spyderbat/v1',
		]);
		expect(lines).toContain(`  uid: ${uid}`);
	});

	test('$VISUAL comes before $EDITOR', async () => {
		const uid = await createPolicy(server, 'edit-visual');
		const run = await edit(uid, {VISUAL: toEnforce, EDITOR: 'exit 7'});
		expect(run.stderr).toBe(`Successfully edited container-policy '${uid}'\n`);
	});

	test.each([
		['an unchanged draft', 'text = text;'],
		['an emptied draft', "text = '';"],
		['a draft of comments only', "text = text.split('\\n').filter(line => line.startsWith('#')).join('\\n');"],
		['the same policy rewritten as JSON', `text = JSON.stringify((await import(${JSON.stringify(pathToJsYaml())})).default.load(text));`],
	])('%s: the edit is cancelled', async (name, body) => {
		const uid = await createPolicy(server, `edit-cancel-${name.replaceAll(/\W/g, '')}`);
		const run = await edit(uid, {EDITOR: editor(`cancel-${name.replaceAll(/\W/g, '')}`, body)});
		expect(run).toMatchObject({code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n', drafts: []});
		expect((await server.client.getPolicy(uid)).version).toBe(1);
	});

	test('a changed uid is put back: the edit updates the policy that was opened', async () => {
		const uid = await createPolicy(server, 'edit-uid');
		const other = await createPolicy(server, 'edit-uid-other');
		const run = await edit(uid, {EDITOR: editor('swap-uid', `text = text.replace(${JSON.stringify(uid)}, ${JSON.stringify(other)}).replace('mode: audit', 'mode: enforce');`)});
		expect(run.code).toBe(0);
		expect((await server.client.getPolicy(uid)).policy.spec['mode']).toBe('enforce');
		expect((await server.client.getPolicy(other)).version).toBe(1);
	});

	test('an invalid draft is reopened with its problems as comments whose lines point into it; fixing it saves', async () => {
		const uid = await createPolicy(server, 'edit-fix');
		const reopened = path.join(scripts, 'reopened.txt');
		const run = await edit(uid, {
			EDITOR: editor(
				'break-then-fix',
				`if (text.includes('was not valid')) {
	fs.writeFileSync(${JSON.stringify(reopened)}, text);
	text = text.replace('mode: loud', 'mode: enforce');
} else text = text.replace('mode: audit', 'mode: loud');`,
			),
		});
		expect(run.code).toBe(0);
		const draft = fs.readFileSync(reopened, 'utf8');
		const lines = draft.split('\n');
		expect(lines.slice(3, 7)).toEqual(['#', `# policy "${uid}" was not valid:`, expect.stringMatching(/^# \/.*spytui-edit-\w+\.yaml:\d+:\d+: spec\.mode: /), '#']);
		const [, where, line, column] = /^# (\/\S+):(\d+):(\d+):/.exec(lines[5]!)!;
		expect(lines[Number(line) - 1]!.slice(Number(column) - 1)).toBe('loud');
		expect(run.stderr.split('\n')).toEqual([`${where}:${line}:${column}: spec.mode: ${lines[5]!.split(': spec.mode: ')[1]}`, `Edit failed, edits saved to ${where}`, `Successfully edited container-policy '${uid}'`, '']);
		expect(run.drafts).toEqual([]);
		expect((await server.client.getPolicy(uid)).policy.spec['mode']).toBe('enforce');
	});
});

describe('edit policy, failures keep the draft', () => {
	test('an invalid draft closed again without a fix fails, exit 1, and the draft with its notes stays', async () => {
		const uid = await createPolicy(server, 'edit-giveup');
		const run = await edit(uid, {EDITOR: editor('break', "text = text.replace('mode: audit', 'mode: loud');")});
		expect(run.code).toBe(1);
		expect(run.drafts).toHaveLength(1);
		const draft = run.drafts[0]!;
		expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`Error: Edit failed, edits saved to ${draft}`);
		expect(fs.readFileSync(draft, 'utf8')).toContain(`# policy "${uid}" was not valid:\n# ${draft}:`);
		expect((await server.client.getPolicy(uid)).version).toBe(1);
	});

	test('a version conflict says how to resolve it, and the edit is kept', async () => {
		const uid = await createPolicy(server, 'edit-conflict');
		// While the editor is open, someone else saves the policy through the API.
		const colleague = editor(
			'colleague',
			`const h = {authorization: 'Bearer ' + process.env.TOKEN, 'content-type': 'application/json'};
const base = process.env.API + '/api/v1/org/' + process.env.ORG + '/analyticspolicy/';
const record = await (await fetch(base + process.env.UID, {headers: h})).json();
const policy = typeof record.policy === 'string' ? JSON.parse(record.policy) : record.policy;
policy.spec.enabled = false;
const put = await fetch(base, {method: 'PUT', headers: h, body: JSON.stringify({policy})});
if (!put.ok) throw new Error('the colleague could not save: ' + put.status);
text = text.replace('mode: audit', 'mode: enforce');`,
		);
		const run = await edit(uid, {EDITOR: colleague, API: server.url, TOKEN: server.token, ORG: server.org.uid, UID: uid});
		expect(run.code).toBe(1);
		expect(run.drafts).toHaveLength(1);
		expect(run.stderr).toBe(
			`Edit failed, edits saved to ${run.drafts[0]}\nError: Policy ${uid} was not updated: the server has version 2, and your copy is based on version 1. Fetch the latest with 'spytui get policies -o yaml ${uid} > latest.yaml', merge your changes into it ('spytui merge -f latest.yaml -w YOUR_FILE'), then apply the result.\n`,
		);
		expect(fs.readFileSync(run.drafts[0]!, 'utf8')).toContain('mode: enforce');
	});

	test('an editor that fails on a reopened draft leaves the draft with the edits in it', async () => {
		await createPolicy(server, 'edit-crash');
		const run = await edit('edit-crash', {EDITOR: editor('crash-on-reopen', "if (text.includes('was not valid')) process.exit(4);\ntext = text.replace('mode: audit', 'mode: loud');")});
		expect(run.code).toBe(1);
		expect(run.drafts).toHaveLength(1);
		expect(run.stderr.trimEnd().split('\n').slice(-2)).toEqual([`Edit failed, edits saved to ${run.drafts[0]}`, expect.stringMatching(/^Error: the editor '.*' failed \(exit code 4\)/)]);
		expect(fs.readFileSync(run.drafts[0]!, 'utf8')).toContain('mode: loud');
	});

	test('an editor that fails is reported, exit 1; an untouched draft is not left behind', async () => {
		await createPolicy(server, 'edit-broken-editor');
		const run = await edit('edit-broken-editor', {EDITOR: 'exit 3'});
		expect(run).toMatchObject({code: 1, stdout: '', drafts: []});
		expect(run.stderr).toBe("Error: the editor 'exit 3' failed (exit code 3); set VISUAL or EDITOR to the editor to use\n");
	});
});

describe('edit policy, bad inputs', () => {
	test('an unknown policy is one line, exit 1, and no editor opens', async () => {
		const run = await edit('pol:doesNotExist000000', {EDITOR: 'exit 9'});
		expect(run).toEqual({code: 1, stdout: '', stderr: "Error: No policies matching name_or_uid 'pol:doesNotExist000000'.\n", drafts: []});
	});

	test('an ambiguous name lists the candidates, exit 1', async () => {
		await createPolicy(server, 'edit-twin-a');
		await createPolicy(server, 'edit-twin-b');
		const run = await edit('edit-twin', {EDITOR: 'exit 9'});
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^Error: Policy name 'edit-twin' is ambiguous, use the uid: edit-twin-a \(pol:\w+\), edit-twin-b \(pol:\w+\)\n$/);
	});

	test('a server that is down is one line, exit 1', async () => {
		const run = await cli(['edit', 'policy', 'web'], {...homeWithServerDown(), env: {EDITOR: 'exit 9'}});
		expect(run).toEqual({code: 1, stdout: '', stderr: 'Error: listing organizations failed: connection refused (127.0.0.1:1)\n'});
	});

	test('a missing name is a usage error', async () => {
		const run = await cli(['edit', 'policy'], dirs);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain("missing required argument 'name_or_uid'");
	});
});

function pathToJsYaml(): string {
	return path.join(path.resolve(import.meta.dirname, '../..'), 'node_modules', 'js-yaml', 'index.js');
}
