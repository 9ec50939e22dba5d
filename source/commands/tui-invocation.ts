import {Command} from 'commander';
import {addGlobalOptions, type TuiOptions, tuiOptionsOf} from './global-options.js';

/**
 * The app's options when the command line opens the app (`spytui`, maybe with
 * global options), else undefined. This needs only commander, so opening the
 * app skips loading every command, their YAML, schema and HTTP libraries: a
 * quarter of a second before the first frame. Anything it does not accept
 * (a command, --help, a bad value) goes to the full command line, which
 * answers it with its usual help and errors.
 */
export function tuiInvocation(argv: readonly string[]): TuiOptions | undefined {
	const program = addGlobalOptions(new Command('spytui'))
		.helpOption(false)
		.exitOverride()
		.configureOutput({writeOut: () => undefined, writeErr: () => undefined});
	try {
		program.parse([...argv], {from: 'user'});
	} catch {
		return undefined;
	}
	return program.args.length === 0 ? tuiOptionsOf(program.opts()) : undefined;
}
