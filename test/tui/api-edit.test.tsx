import fs from 'node:fs';
import {afterEach, describe, expect, test} from 'vitest';
import {type ApiApp, openApiApp, rowOf} from './api-app.js';

let app: ApiApp | undefined;
afterEach(async () => {
	await app?.close();
	app = undefined;
});

/** An editor that applies each change in turn, one per time it is opened, and records what it was shown. */
function scriptedEditor(...edits: Array<(text: string) => string>) {
	const shown: string[] = [];
	return {
		shown,
		open: (file: string) => {
			const text = fs.readFileSync(file, 'utf8');
			shown.push(text);
			const edit = edits[shown.length - 1] ?? ((same: string) => same);
			fs.writeFileSync(file, edit(text));
		},
	};
}

describe('E: edit in $VISUAL or $EDITOR', () => {
	test('a valid edit becomes a draft, and the uid and version are kept', async () => {
		const editor = scriptedEditor(text => text.replace('mode: audit', 'mode: enforce').replace('nginx_0', 'nginx_1'));
		app = await openApiApp({policies: ['alpha'], openEditor: editor.open});
		await app.press('E');
		await app.waitForFrame(frame => frame.includes('edited in the editor'));
		expect(editor.shown[0]).toMatch(/^# Please edit the object below/);
		expect(editor.shown[0]).toContain('name: alpha');
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ \* alpha +Enforcing/);
		expect(app.frame()).toContain('~ spec.mode  audit → enforce');
		expect(app.frame()).toContain('alpha: edited in the editor (a draft: a applies it, u undoes)');
	});

	test('an invalid edit reopens the editor with the problems as comments, until it is valid', async () => {
		const editor = scriptedEditor(
			text => text.replace('severity: high', 'severity: urgent'),
			text => text.replace('severity: urgent', 'severity: low'),
		);
		app = await openApiApp({policies: ['alpha'], openEditor: editor.open});
		await app.press('E');
		await app.waitForFrame(frame => frame.includes('edited in the editor'));
		expect(editor.shown).toHaveLength(2);
		expect(editor.shown[1]).toContain(`# policy "${app.uids.get('alpha')}" was not valid:`);
		expect(editor.shown[1]).toMatch(/# .*spec\.response\.default\[0\]\.makeRedFlag\.severity: must be one of critical/);
		expect(app.frame()).toContain('+ spec.response.default[0]  {"makeRedFlag":{"severity":"low"}}');
	});

	test('closing the reopened file untouched gives up, keeps the text, and says where it is', async () => {
		const editor = scriptedEditor(text => text.replace('severity: high', 'severity: urgent'));
		app = await openApiApp({policies: ['alpha'], openEditor: editor.open});
		await app.press('E');
		await app.waitForFrame(frame => frame.includes('edit failed'));
		// The message wraps onto the next lines; joined, it names the kept file.
		const message = app.frame().split('\n').slice(-4, -1).join(' ');
		expect(message).toMatch(/✗ edit failed: the edit is not valid, so no draft was made \(your text is in\s+\S+spytui-edit-\w+\.yaml\)/);
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha/);
	});

	test('an unchanged file is a cancel', async () => {
		const editor = scriptedEditor();
		app = await openApiApp({policies: ['alpha'], openEditor: editor.open});
		await app.press('E');
		await app.waitForFrame(frame => frame.includes('edit cancelled: no changes made'));
		expect(rowOf(app.frame(), 'alpha')).toMatch(/^│ {3}alpha/);
	});

	test('an editor that fails is reported', async () => {
		app = await openApiApp({
			policies: ['alpha'],
			openEditor: () => {
				throw new Error("the editor 'nope' failed (exit code 127)");
			},
		});
		await app.press('E');
		await app.waitForFrame(frame => frame.includes('edit failed'));
		expect(app.frame()).toContain("✗ edit failed: the editor 'nope' failed (exit code 127)");
	});
});
