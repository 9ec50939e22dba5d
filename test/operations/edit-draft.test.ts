import {describe, expect, test} from 'vitest';
import type {PolicyDocument} from '../../source/api/policy-records.js';
import {checkDraft, draftText, draftWithProblems, stripComments} from '../../source/operations/edit-draft.js';
import {toYaml} from '../../source/policy/dump.js';
import {samplePolicy} from '../helpers/server.js';

const document = {...samplePolicy('draft'), metadata: {...samplePolicy('draft').metadata, uid: 'pol:AAAAAAAAAAAAAAAAAAAA'}} as PolicyDocument;
const yaml = toYaml(document);
const original = {yaml, document};
const file = '/tmp/spytui-edit-test.yaml';

describe('checkDraft', () => {
	test('the draft as opened, with or without its header, is a cancel', () => {
		expect(checkDraft(draftText(yaml), original, file)).toEqual({kind: 'cancelled'});
		expect(checkDraft(`${yaml}\n\n`, original, file)).toEqual({kind: 'cancelled'});
		expect(checkDraft('# nothing but a comment\n   \n', original, file)).toEqual({kind: 'cancelled'});
	});

	test('a valid change comes back as the edited document', () => {
		const check = checkDraft(draftText(yaml.replace('mode: audit', 'mode: enforce')), original, file);
		expect(check).toMatchObject({kind: 'valid', document: {spec: {mode: 'enforce'}}});
	});

	test('problems point at their line in the reopened draft', () => {
		const check = checkDraft(draftText(yaml.replace('mode: audit', 'mode: loud')), original, file);
		if (check.kind !== 'invalid') throw new Error(`expected an invalid draft, got ${check.kind}`);
		const reopened = draftWithProblems('pol:AAAAAAAAAAAAAAAAAAAA', check.body, check.problems.map(problem => `${problem.line}`)).split('\n');
		expect(check.problems).toHaveLength(1);
		expect(reopened[check.problems[0]!.line! - 1]).toBe('  mode: loud');
		expect(stripComments(reopened.join('\n'))).toBe(check.body);
	});

	test('a draft must stay one SpyderbatPolicy', () => {
		const two = checkDraft(`${yaml}---\n${yaml}`, original, file);
		expect(two).toMatchObject({kind: 'invalid', problems: [{file, message: 'expected one policy, found 2 objects'}]});
		const baseline = toYaml({...document, kind: 'SpyderbatBaseline', spec: {containerSelector: document.spec['containerSelector'], processPolicy: document.spec['processPolicy'], networkPolicy: document.spec['networkPolicy']}});
		expect(checkDraft(baseline, original, file)).toMatchObject({kind: 'invalid', problems: [{path: 'kind', message: 'must stay SpyderbatPolicy, not SpyderbatBaseline'}]});
	});

	test('a YAML syntax error is a problem with its place, not a crash', () => {
		const check = checkDraft(`${yaml}spec: [unclosed\n`, original, file);
		expect(check.kind).toBe('invalid');
		if (check.kind === 'invalid') expect(check.problems[0]!.line).toBeGreaterThan(6);
	});
});
