import type {Command} from 'commander';
import {type Backend, openBackend} from '../operations/backend.js';
import type {CommandIo} from './io.js';
import type {GlobalOptions} from './program.js';

/**
 * Runs `work` against the backend the global options choose (--context,
 * --local, else the current context, else the embedded server) and closes it
 * afterwards, so an embedded server never outlives its command.
 */
export async function withBackend<T>(program: Command, io: CommandIo, work: (backend: Backend) => Promise<T>): Promise<T> {
	const options = program.opts<GlobalOptions>();
	const backend = await openBackend(io, {context: options.context, local: options.local});
	try {
		return await work(backend);
	} finally {
		await backend.close();
	}
}
