import type {Command} from 'commander';
import type {CommandIo} from '../io.js';
import type {GlobalOptions} from '../program.js';
import {registerCurrentContext} from './current-context.js';
import {registerDeleteApiSecret} from './delete-apisecret.js';
import {registerDeleteContext} from './delete-context.js';
import {registerGetApiSecrets} from './get-apisecrets.js';
import {registerGetContexts} from './get-contexts.js';
import {registerInitWorkspace} from './init-workspace.js';
import {registerSetApiSecret} from './set-apisecret.js';
import {registerSetContext} from './set-context.js';
import {registerUseContext} from './use-context.js';
import {registerView} from './view.js';

/** `spytui config ...`: spyctl-compatible contexts and apisecrets in ~/.spyctl and workspace .spyctl folders. */
export function registerConfigCommands(program: Command, io: CommandIo): void {
	const config = program
		.command('config')
		.description('View and change spyctl contexts and apisecrets (~/.spyctl and workspace .spyctl folders).');
	const assumeYes = () => Boolean(program.opts<GlobalOptions>().yes);
	registerGetContexts(config, io);
	registerCurrentContext(config, io);
	registerUseContext(config, io);
	registerSetContext(config, io);
	registerDeleteContext(config, io);
	registerGetApiSecrets(config, io);
	registerSetApiSecret(config, io);
	registerDeleteApiSecret(config, io, assumeYes);
	registerView(config, io);
	registerInitWorkspace(config, io, assumeYes);
}
