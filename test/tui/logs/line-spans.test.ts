import {describe, expect, test} from 'vitest';
import {lineSpans} from '../../../source/tui/logs/line-spans.js';
import {compilePattern} from '../../../source/tui/logs/pattern.js';
import {policyTone} from '../../../source/tui/logs/policy-colour.js';
import {entryFrom, logEvent} from './events.js';

const options = {timestamps: true, allPolicies: false, policyWidth: 6};

describe('a log line', () => {
	test('shows time, policy, type, severity in its colour, and the message', () => {
		const entry = entryFrom(logEvent('log:1', {time: 1_800_000_123, schema: 'event_log:guardian_flag:1.0.0', severity: 'critical', message: 'Critical red flag'}), 0);
		const spans = lineSpans(entry, options);
		expect(spans.map(part => part.text).join('')).toBe('08:02:03Z web    flag      critical Critical red flag');
		expect(spans.find(part => part.text === 'critical')?.tone).toBe('severity:critical');
		expect(lineSpans(entry, {...options, timestamps: false})[0]!.text).toBe('web   ');
	});

	test('an unknown severity or schema still reads', () => {
		const entry = entryFrom({id: 'x', time: Number.NaN, message: 'odd'}, 0);
		expect(lineSpans(entry, options).map(part => part.text).join('')).toBe('--:--:--Z unkno… event     -        odd');
	});

	test('tailing every policy, each policy name has its own colour, stable for its uid', () => {
		const web = entryFrom(logEvent('log:1', {policy_uid: 'pol:aaaaaaaaaaaaaaaaaaaa'}), 0);
		const db = entryFrom(logEvent('log:2', {policy_uid: 'pol:bbbbbbbbbbbbbbbbbbbb', policy_name: 'db'}), 1);
		const toneOf = (entry: typeof web) => lineSpans(entry, {...options, allPolicies: true})[1]!.tone;
		expect(toneOf(web)).toBe(policyTone('pol:aaaaaaaaaaaaaaaaaaaa'));
		expect(toneOf(web)).not.toBe(toneOf(db));
		expect(policyTone('pol:aaaaaaaaaaaaaaaaaaaa')).toBe('policy:6');
		expect(lineSpans(web, options)[1]!.tone).toBe('muted');
	});

	test('search matches are highlighted across spans, keeping the tones around them', () => {
		const entry = entryFrom(logEvent('log:1', {message: 'sh ran as sh'}), 0);
		const spans = lineSpans(entry, {...options, timestamps: false, search: compilePattern('h r|sh$', {invertible: false})});
		expect(spans.filter(part => part.tone === 'match').map(part => part.text)).toEqual(['h r', 'sh']);
		expect(spans.map(part => part.text).join('')).toBe('web    deviation high     sh ran as sh');
	});
});
