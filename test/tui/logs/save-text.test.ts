import {describe, expect, test} from 'vitest';
import {saveFileName, savedLine} from '../../../source/tui/logs/save-text.js';
import {entryFrom, logEvent} from './events.js';

describe('saving the events shown', () => {
	test('each event on a line: full time, policy, type, severity and the whole message', () => {
		expect(savedLine(entryFrom(logEvent('log:1', {time: 1_800_000_000.5, message: 'a long message'}), 0))).toBe('2027-01-15T08:00:00Z web deviation high a long message');
	});

	test('the file is named after the policy and the time, safe for any file system', () => {
		expect(saveFileName({kind: 'policy', uid: 'pol:x', name: 'web server/1'}, 1_800_000_000)).toBe('web_server_1-20270115-080000.log');
		expect(saveFileName({kind: 'all'}, 1_800_000_000)).toBe('all-policies-20270115-080000.log');
		expect(saveFileName({kind: 'lookup', query: '..'}, 1_800_000_000)).toBe('policy-20270115-080000.log');
	});
});
