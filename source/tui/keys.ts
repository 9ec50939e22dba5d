import type {Key} from 'ink';

/**
 * A key press as the keymap speaks of it: `name` is a single character (`j`,
 * `G`, `?`), a named key (`down`, `enter`, `esc`, `pagedown`, `space`) or a
 * chord (`ctrl+f`). `text` is what a text field should insert, if anything.
 */
export type KeyPress = {name: string; text?: string};

/** The keymap's wildcard for "any printable text", used by text fields. */
export const textKey = 'text';

const namedKeys: Array<[keyof Key, string]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'esc'],
	['backspace', 'backspace'],
	// Ink 6 reports the key most terminals send for Backspace (DEL) as `delete`.
	['delete', 'backspace'],
];

/**
 * Turns Ink's (input, key) pair into key presses. Ink hands over a run of
 * characters without escape sequences as one input (a fast typist, key
 * repeat, a paste, tmux sending Enter right after a letter), so each character
 * becomes a press of its own: `jjj` moves three rows, `j\r` moves and opens.
 */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
	const characters = [...input];
	return characters.length > 1 ? characters.map(character => characterPress(character)) : [toKeyPress(input, key)];
}

const controlCharacters: Record<string, string> = {'\r': 'enter', '\n': 'enter', '\t': 'tab', '\b': 'backspace', '\u007F': 'backspace'};

/** One character of a run, named as Ink would have named it alone. */
function characterPress(character: string): KeyPress {
	const named = controlCharacters[character];
	if (named) return {name: named};
	const code = character.codePointAt(0) ?? 0;
	// Ctrl+A is 0x01 and so on up to Ctrl+Z.
	if (code >= 1 && code <= 26) return {name: `ctrl+${String.fromCodePoint(code + 96)}`};
	if (character === ' ') return {name: 'space', text: ' '};
	return {name: character, text: character};
}

function toKeyPress(input: string, key: Key): KeyPress {
	if (key.tab) return {name: key.shift ? 'shift+tab' : 'tab'};
	for (const [flag, name] of namedKeys) {
		if (key[flag] === true) return {name};
	}
	if (key.ctrl) return {name: `ctrl+${input.toLowerCase()}`};
	if (key.meta) return {name: `meta+${input}`};
	if (input === ' ') return {name: 'space', text: ' '};
	return {name: input, text: input};
}

/** The press a keymap key name stands for, as if the user had pressed it. */
export function pressOf(keyName: string): KeyPress {
	if (keyName === 'space') return {name: keyName, text: ' '};
	return [...keyName].length === 1 ? {name: keyName, text: keyName} : {name: keyName};
}

/** Does `keyName` from the keymap match this press? */
export function keyMatches(keyName: string, press: KeyPress): boolean {
	if (keyName === textKey) return press.text !== undefined && press.text !== '' && isPrintable(press.text);
	return keyName === press.name;
}

function isPrintable(text: string): boolean {
	// Control characters (and escape sequences Ink could not name) must not land in a text field.
	return [...text].every(character => character >= ' ' && character !== '\u007F');
}

/** Named keys a keymap may use, as toKeyPress names them. */
const namedKeyNames = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'esc', 'backspace', 'tab', 'shift+tab', 'space']);

/** Is `name` a key the app can tell apart: one printable character, a named key, ctrl+letter or meta+character? */
export function isKeyName(name: string): boolean {
	if (namedKeyNames.has(name)) return true;
	if (/^ctrl\+[a-z]$/.test(name)) return true;
	const single = name.startsWith('meta+') ? name.slice(5) : name;
	return [...single].length === 1 && single > ' ' && single !== '\u007F';
}

const keyLabels: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'pgup',
	pagedown: 'pgdn',
	[textKey]: 'text',
};

/** How a key is written in the help overlay and the hint bar. */
export function keyLabel(keyName: string): string {
	return keyLabels[keyName] ?? keyName;
}
