import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {keysEnd, keysStart, keyTable, readmePath, tableInReadme, withKeyTable} from '../../scripts/readme-keys.js';
import {keymap} from '../../source/tui/keymap.js';

describe('the README key table', () => {
	test('README.md holds exactly the table generated from the keymap (npm run readme:keys -- --write)', () => {
		const readme = fs.readFileSync(readmePath, 'utf8');
		expect(tableInReadme(readme), `README.md needs ${keysStart} … ${keysEnd}`).toBeDefined();
		expect(tableInReadme(readme)).toBe(keyTable());
	});

	test('has a row for every binding', () => {
		const lines = keyTable().split('\n');
		expect(lines).toHaveLength(keymap.length + 2);
		for (const binding of keymap) expect(keyTable()).toContain(`| ${binding.description} |`);
		expect(keyTable()).toContain('| Anywhere | `q` `ctrl+c` | Quit spytui (asks first while there are unapplied drafts) |');
	});

	test('writing replaces only what lies between the markers', () => {
		const readme = `# spytui\n\nintro\n\n${keysStart}\nold table\n${keysEnd}\n\nmore\n`;
		const updated = withKeyTable(readme);
		expect(updated.startsWith(`# spytui\n\nintro\n\n${keysStart}\n| Where |`)).toBe(true);
		expect(updated.endsWith(`|\n${keysEnd}\n\nmore\n`)).toBe(true);
		expect(tableInReadme(updated)).toBe(keyTable());
		expect(() => withKeyTable('# no markers')).toThrow(/needs <!-- keys:start -->/);
	});
});
