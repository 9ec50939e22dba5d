import {createContext, useContext} from 'react';
import type {Tone} from './tone.js';

/** The props of Ink's Text that carry style. */
export type TextStyle = {color?: string; bold?: boolean; dimColor?: boolean; inverse?: boolean; italic?: boolean};

export type Theme = {
	tone: (tone: Tone | undefined) => TextStyle;
	border: {focused: TextStyle; idle: TextStyle};
	/** The selected row or tree line in the focused pane. */
	cursor: TextStyle;
	/** The selected row while the other pane has focus. */
	selection: TextStyle;
};

export const palette: Record<Tone, TextStyle> = {
	plain: {},
	heading: {bold: true, color: 'cyan'},
	key: {color: 'gray'},
	value: {},
	name: {bold: true},
	muted: {dimColor: true},
	accent: {color: 'cyan'},
	error: {color: 'red'},
	warn: {color: 'yellow'},
	info: {color: 'cyan'},
	success: {color: 'green'},
	'status:Enforcing': {color: 'green', bold: true},
	'status:Auditing': {color: 'yellow'},
	'status:Disabled': {color: 'gray'},
	'status:Not Applied': {color: 'blue'},
	'status:Not Applied & Disabled': {color: 'gray'},
	'status:Invalid': {color: 'red', bold: true},
	'severity:critical': {color: 'magenta', bold: true},
	'severity:high': {color: 'red', bold: true},
	'severity:medium': {color: 'yellow'},
	'severity:low': {color: 'blue'},
	'severity:info': {color: 'gray'},
	match: {color: 'yellow', inverse: true},
	// No red or yellow: those say severity on the same line.
	'policy:0': {color: 'cyan'},
	'policy:1': {color: 'green'},
	'policy:2': {color: 'magenta'},
	'policy:3': {color: 'blue'},
	'policy:4': {color: 'cyanBright'},
	'policy:5': {color: 'greenBright'},
	'policy:6': {color: 'magentaBright'},
	'policy:7': {color: 'blueBright'},
	'json:key': {color: 'cyan'},
	'json:string': {color: 'green'},
	'json:number': {color: 'yellow'},
	'json:literal': {color: 'magenta'},
};

/** Drops colour but keeps weight and inverse, which carry meaning without colour. */
function withoutColor(style: TextStyle): TextStyle {
	const {color: _color, ...rest} = style;
	return rest;
}

export function createTheme(options: {color: boolean}): Theme {
	const paint = options.color ? (style: TextStyle) => style : withoutColor;
	return {
		tone: tone => paint(palette[tone ?? 'plain']),
		border: {focused: paint({color: 'cyan'}), idle: paint({color: 'gray', dimColor: !options.color})},
		cursor: {inverse: true},
		selection: {bold: true, ...paint({color: 'cyan'})},
	};
}

/** NO_COLOR (https://no-color.org): present and not empty means no colour. */
export function colorAllowed(env: NodeJS.ProcessEnv): boolean {
	return !(env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '');
}

export const ThemeContext = createContext<Theme>(createTheme({color: true}));

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
