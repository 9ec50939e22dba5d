import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {batchSize, entriesOf, entryJson, tailBatchOf} from '../../../source/tui/logs/entry.js';
import {logEvent} from './events.js';

describe('a batch of events, as the tail\'s thread hands them over', () => {
	test('gives back each event\'s fields, message and record, numbered on', () => {
		fc.assert(
			fc.property(fc.array(fc.record({message: fc.string({unit: 'grapheme'}), policy: fc.constantFrom('web', 'db', ''), severity: fc.constantFrom('high', 'low', ''), time: fc.double({noNaN: false})}), {maxLength: 20}), fc.nat(1000), (shapes, firstSeq) => {
				const events = shapes.map((shape, index) => logEvent(`log:${index}`, {message: shape.message, policy_name: shape.policy, severity: shape.severity, time: shape.time}));
				const batch = tailBatchOf(events);
				const entries = entriesOf(batch, firstSeq);
				expect(batchSize(batch)).toBe(events.length);
				expect(entries.map(entry => entry.seq)).toEqual(events.map((_, index) => firstSeq + index));
				entries.forEach((entry, index) => {
					const event = events[index]!;
					expect(entry.message).toBe(event.message);
					expect(entry.time).toBe(event.time);
					expect(entry.policyName).toBe(shapes[index]!.policy || 'pol:web00000000000000000');
					expect(entry.severity).toBe(shapes[index]!.severity || '-');
					expect(JSON.parse(entryJson(entry))).toEqual(JSON.parse(JSON.stringify(event)));
				});
			}),
		);
	});

	test('names each event repeats are sent once, and an empty read is an empty batch', () => {
		const batch = tailBatchOf([logEvent('log:1'), logEvent('log:2', {schema: 'event_log:guardian_action:1.0.0'}), logEvent('log:3')]);
		expect(batch.words).toEqual(['pol:web00000000000000000', 'web', 'deviation', 'high', 'action']);
		expect(entriesOf(batch, 0).map(entry => entry.kind)).toEqual(['deviation', 'action', 'deviation']);
		expect(batchSize(tailBatchOf([]))).toBe(0);
		expect(entriesOf(tailBatchOf([]), 5)).toEqual([]);
	});
});
