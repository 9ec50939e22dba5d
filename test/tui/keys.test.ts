import type {Key} from 'ink';
import {describe, expect, test} from 'vitest';
import {keyMatches, pressOf, toKeyPresses} from '../../source/tui/keys.js';

function key(flags: Partial<Key> = {}): Key {
	return {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
		super: false,
		hyper: false,
		capsLock: false,
		numLock: false,
		...flags,
	};
}

describe('toKeyPresses', () => {
	test('names keys the way the keymap writes them', () => {
		expect(toKeyPresses('', key({downArrow: true}))).toEqual([{name: 'down'}]);
		expect(toKeyPresses('', key({pageDown: true}))).toEqual([{name: 'pagedown'}]);
		expect(toKeyPresses('', key({return: true}))).toEqual([{name: 'enter'}]);
		expect(toKeyPresses('', key({escape: true, meta: true}))).toEqual([{name: 'esc'}]);
		expect(toKeyPresses('', key({tab: true}))).toEqual([{name: 'tab'}]);
		expect(toKeyPresses('', key({tab: true, shift: true}))).toEqual([{name: 'shift+tab'}]);
		expect(toKeyPresses('f', key({ctrl: true}))).toEqual([{name: 'ctrl+f'}]);
		expect(toKeyPresses('G', key({shift: true}))).toEqual([{name: 'G', text: 'G'}]);
		expect(toKeyPresses(' ', key())).toEqual([{name: 'space', text: ' '}]);
	});

	test('the Backspace key, which Ink 6 reports as delete, erases', () => {
		expect(toKeyPresses('', key({delete: true}))).toEqual([{name: 'backspace'}]);
		expect(toKeyPresses('', key({backspace: true}))).toEqual([{name: 'backspace'}]);
	});

	test('control characters inside a run are named too', () => {
		expect(toKeyPresses('j\r\u0006\u007F', key())).toEqual([{name: 'j', text: 'j'}, {name: 'enter'}, {name: 'ctrl+f'}, {name: 'backspace'}]);
	});

	test('a run of characters is one press per character', () => {
		expect(toKeyPresses('jj ', key())).toEqual([
			{name: 'j', text: 'j'},
			{name: 'j', text: 'j'},
			{name: 'space', text: ' '},
		]);
	});
});

describe('keyMatches', () => {
	test('text matches printable characters only', () => {
		expect(keyMatches('text', pressOf('q'))).toBe(true);
		expect(keyMatches('text', pressOf('space'))).toBe(true);
		expect(keyMatches('text', pressOf('enter'))).toBe(false);
		expect(keyMatches('text', {name: 'x', text: '\u0007'})).toBe(false);
		expect(keyMatches('j', pressOf('j'))).toBe(true);
		expect(keyMatches('j', pressOf('J'))).toBe(false);
	});
});
