import {allRows} from './derive.js';
import type {KeyPress} from './keys.js';
import type {Command} from './keymap.js';
import {quit} from './quit.js';
import {flash, type State, startTask} from './store.js';

/** The `:` commands, with what each takes, for completion and for the error a typo gets. */
const promptCommands = ['ctx', 'type', 'quit', 'q', 'help'] as const;
const usage = 'ctx NAME, type TYPE (type alone lists all), q';

export function promptCommand(state: State, command: Command, press: KeyPress): State {
	const prompt = state.prompt;
	if (!prompt) return state;
	switch (command) {
		case 'prompt.type': {
			return {...state, prompt: {text: prompt.text + (press.text ?? '')}};
		}
		case 'prompt.erase': {
			return {...state, prompt: {text: [...prompt.text].slice(0, -1).join('')}};
		}
		case 'prompt.clear': {
			return {...state, prompt: {text: ''}};
		}
		case 'prompt.complete': {
			return {...state, prompt: {text: completed(state, prompt.text)}};
		}
		case 'prompt.cancel': {
			return closed(state);
		}
		case 'prompt.run': {
			return run(closed(state), prompt.text.trim());
		}
		default: {
			return state;
		}
	}
}

function closed(state: State): State {
	const {prompt: _closed, ...rest} = state;
	return rest;
}

function run(state: State, text: string): State {
	const [name = '', ...words] = text.split(/\s+/);
	const argument = words.join(' ');
	switch (name) {
		case '': {
			return state;
		}
		case 'q':
		case 'quit': {
			return quit(state);
		}
		case 'help': {
			return {...state, overlay: {kind: 'help', top: 0}};
		}
		case 'type': {
			if (argument === '' || argument === 'all') {
				const {typeFilter: _cleared, ...rest} = state;
				return flash(rest, 'info', 'listing policies of every type');
			}
			const count = allRows(state).filter(row => row.kind !== 'file' && row.type === argument).length;
			return flash({...state, typeFilter: argument}, count === 0 ? 'warn' : 'info', `listing ${argument} policies only: ${count} of ${allRows(state).length} (:type alone lists all)`);
		}
		case 'ctx':
		case 'context': {
			return switchContext(state, argument);
		}
		default: {
			return flash(state, 'error', `unknown command :${name}; the commands are ${usage}`);
		}
	}
}

function switchContext(state: State, name: string): State {
	if (state.origin.kind === 'folder') return flash(state, 'error', ':ctx works on the API; this is the offline folder view (spytui --dir). Run spytui without --dir');
	const current = state.connection.backend?.contextName;
	if (name === '') return flash(state, 'info', `${current ? `context ${current}` : 'the embedded server'}; :ctx NAME switches to another spyctl context`);
	if (name === current) return flash(state, 'info', `already on context ${name}`);
	if (state.task) return flash(state, 'warn', 'wait for the running request to finish, then switch');
	return flash(startTask(state, {kind: 'connect', context: name}), 'info', `switching to context ${name}…`);
}

/** Completes the command name, or the policy type after `type `. */
function completed(state: State, text: string): string {
	const typeMatch = /^type\s+(\S*)$/.exec(text);
	if (typeMatch) {
		const types = [...new Set(allRows(state).flatMap(row => (row.kind === 'file' ? [] : [row.type])))].sort();
		const match = types.find(type => type.startsWith(typeMatch[1] ?? ''));
		return match ? `type ${match}` : text;
	}
	if (/\s/.test(text)) return text;
	const match = promptCommands.find(candidate => candidate.startsWith(text) && candidate !== text);
	return match ? `${match} ` : text;
}
