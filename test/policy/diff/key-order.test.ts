import {describe, expect, it} from 'vitest';
import {inKeyOrderOf} from '../../../source/policy/diff/key-order.js';
import {diffDumps} from '../../../source/policy/diff/line-diff.js';

describe('diffs ignore key order', () => {
	it('orders the keys of after as before has them, new keys last, lists by position', () => {
		const before = {b: 1, a: {y: 1, x: 2}, list: [{n: 1, m: 2}]};
		const after = {a: {x: 2, y: 3, z: 4}, b: 1, list: [{m: 2, n: 1}, {k: 1}], c: true};
		expect(JSON.stringify(inKeyOrderOf(after, before))).toBe('{"b":1,"a":{"y":3,"x":2,"z":4},"list":[{"n":1,"m":2},{"k":1}],"c":true}');
	});

	it('a policy stored with sorted keys and its merge in spyctl order differ only where values do', () => {
		const stored = {spec: {processPolicy: [{euser: ['root'], exe: ['/usr/sbin/sshd'], id: 'sshd_0', name: 'sshd'}]}};
		const merged = {spec: {processPolicy: [{name: 'sshd', exe: ['/usr/sbin/sshd'], id: 'sshd_0', euser: ['root', 'www']}]}};
		const changed = diffDumps(stored, merged).filter(line => line.kind !== 'same');
		expect(changed).toEqual([{kind: 'added', text: '    - www', afterLine: 5}]);
	});
});
