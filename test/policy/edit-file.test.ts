import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {saveSpecSwitch} from '../../source/policy/edit-file.js';
import {loadDocuments} from '../../source/policy/load.js';
import {tempDir} from '../helpers/temp.js';

const text = `# owned by the platform team
apiVersion: spyderbat/v1
kind: SpyderbatPolicy
metadata: {name: web, type: container}
spec:
  containerSelector: {image: "nginx:*"}   # pinned by digest in prod
  mode: audit
  processPolicy: []
  networkPolicy: {ingress: [], egress: []}
  response: {default: [{makeRedFlag: {severity: high}}], actions: []}
`;

function setup(): {file: string; dir: string} {
	const dir = tempDir();
	const file = path.join(dir, 'web.yaml');
	fs.writeFileSync(file, text, {mode: 0o640});
	return {file, dir};
}

describe('saveSpecSwitch', () => {
	test('writes only the changed line, keeps the file mode and leaves no temp file', async () => {
		const {file, dir} = setup();
		const object = loadDocuments(fs.readFileSync(file), file).objects[0]!;
		const saved = await saveSpecSwitch(file, object, {key: 'mode', value: 'enforce'});
		const after = fs.readFileSync(file, 'utf8');
		expect(after).toBe(text.replace('mode: audit', 'mode: enforce'));
		expect(fs.statSync(file).mode & 0o777).toBe(0o640);
		expect(fs.readdirSync(dir)).toEqual(['web.yaml']);
		expect((saved.value['spec'] as Record<string, unknown>)['mode']).toBe('enforce');
	});

	test('refuses to overwrite a file that changed on disk since it was loaded', async () => {
		const {file} = setup();
		const object = loadDocuments(fs.readFileSync(file), file).objects[0]!;
		const theirs = text.replace('# owned by', '# edited meanwhile by');
		fs.writeFileSync(file, theirs);
		await expect(saveSpecSwitch(file, object, {key: 'enabled', value: false})).rejects.toThrow('changed on disk since it was loaded');
		expect(fs.readFileSync(file, 'utf8')).toBe(theirs);
	});
});
