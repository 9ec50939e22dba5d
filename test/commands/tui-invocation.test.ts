import {describe, expect, it} from 'vitest';
import {tuiInvocation} from '../../source/commands/tui-invocation.js';

describe('opening the app without loading the whole command line', () => {
	it('takes a bare spytui and its global options', () => {
		expect(tuiInvocation([])).toEqual({color: true, observer: true});
		expect(tuiInvocation(['--context', 'prod', '--read-only', '--refresh', '30', '--no-color', '--no-observer'])).toEqual({
			context: 'prod',
			readOnly: true,
			refreshSeconds: 30,
			color: false,
			observer: false,
		});
		expect(tuiInvocation(['--dir', 'policies', '--local', '-y'])).toMatchObject({dir: 'policies', local: true});
	});

	it('leaves commands, help, version and bad values to the full command line', () => {
		for (const argv of [['get', 'policies'], ['--context', 'prod', 'apply', '-f', 'x.yaml'], ['--help'], ['-h'], ['--version'], ['--refresh', '0'], ['--bogus'], ['help']]) {
			expect(tuiInvocation(argv), argv.join(' ')).toBeUndefined();
		}
	});
});
