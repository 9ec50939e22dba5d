import {describe, expect, it} from 'vitest';
import {diffPolicies} from '../../../source/policy/diff/policy-diff.js';
import {treeView} from '../../../source/tui/diff-screen/tree-view.js';

const policy = (mode: string, processes: Array<Record<string, unknown>>) => ({
	apiVersion: 'spyderbat/v1',
	kind: 'SpyderbatPolicy',
	metadata: {name: 'web', type: 'container'},
	spec: {mode, processPolicy: processes, networkPolicy: {ingress: [], egress: []}},
});

describe('the diff screen tree view', () => {
	it('shows only changed paths, each marked added, changed or removed, list items by name', () => {
		const before = policy('audit', [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root']}]);
		const after = policy('enforce', [
			{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root']},
			{name: 'sh', exe: ['/bin/sh'], id: 'sh_0', euser: ['www-data']},
		]);
		const lines = treeView(diffPolicies(before, after).changes, before, after);
		const text = lines.map(line => line.spans.map(part => part.text).join(''));
		expect(text).toContain('~   mode: "audit" → "enforce"');
		expect(text.some(entry => /^\+ {5}\[1\] sh {2}added$/.test(entry))).toBe(true);
		expect(text).toContain('+       name: sh');
		expect(lines.filter(line => line.change)).toHaveLength(2);
		expect(text[0]).toBe('  spec');
	});

	it('says so when nothing differs', () => {
		const same = policy('audit', []);
		expect(treeView([], same, same).map(line => line.spans[0]!.text)).toEqual(['  no differences']);
	});

	it('a removed node is drawn red from the before document', () => {
		const before = policy('audit', [{name: 'nginx', exe: ['/usr/sbin/nginx'], id: 'nginx_0', euser: ['root']}]);
		const after = policy('audit', []);
		const lines = treeView(diffPolicies(before, after).changes, before, after);
		expect(lines.find(line => line.change)!.spans[0]).toMatchObject({tone: 'error'});
		expect(lines.map(line => line.spans[0]!.text).join('\n')).toContain('nginx');
	});
});
