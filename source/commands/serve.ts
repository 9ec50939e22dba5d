import path from 'node:path';
import type {Command} from 'commander';
import {defaultDataDir} from '../server/data-dir.js';
import {CommandError, UsageError} from './errors.js';
import {type CommandIo, say} from './io.js';
import type {GlobalOptions} from './program.js';

const defaultPort = 7414;

type ServeOptions = {host: string; port: string; dataDir?: string; observe?: boolean; observeInterval: string; allowKill?: boolean};

export function registerServeCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
	program
		.command('serve')
		.description('Run the embedded Spyderbat-compatible API server (SQLite) until Ctrl-C')
		.option('--host <host>', 'address to listen on; anything but loopback exposes your policies to the network', '127.0.0.1')
		.option('--port <port>', `port to listen on (0 picks a free one)`, String(defaultPort))
		.option('--data-dir <dir>', 'where the database and API token live (default: $XDG_DATA_HOME/spytui or ~/.local/share/spytui)')
		.option('--observe', "watch this machine (Linux /proc): send each workload's processes and connections to the server as fingerprints, so that policies evaluate them")
		.option('--observe-interval <ms>', 'milliseconds between two looks at the machine with --observe', '1000')
		.option('--allow-kill', "let enforcing policies' agentKillProcess, agentKillProcessGroup and agentKillProcessTree kill the observed processes they pick (without it, the policy log says what would be killed)")
		.action(async (options: ServeOptions, command: Command) => {
			setExit(await serve(options, Boolean(command.optsWithGlobals<GlobalOptions>().debug), io));
		});
}

async function serve(options: ServeOptions, debug: boolean, io: CommandIo): Promise<number> {
	const port = Number(options.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, not '${options.port}'`);
	const intervalMs = Number(options.observeInterval);
	// Under 100 ms the observer would spend more time reading /proc than the machine spends changing.
	if (!Number.isInteger(intervalMs) || intervalMs < 100) throw new UsageError(`--observe-interval must be a whole number of milliseconds, 100 or more, not '${options.observeInterval}'`);
	const dataDir = path.resolve(io.cwd, options.dataDir ?? defaultDataDir(io.env, io.home));
	// Listened for before anything starts: a stop asked for while the server is still starting
	// (a service manager's SIGTERM) waits for the start and then closes it cleanly.
	const stopRequested = new Promise<void>(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	// Loaded here so that other commands never load fastify and SQLite.
	const {startServer} = await import('../server/start.js');
	let server;
	try {
		server = await startServer({dataDir, host: options.host, port, seed: true, allowKill: options.allowKill, ...(options.observe ? {observe: {intervalMs, debug}} : {})});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') throw new CommandError(`port ${port} on ${options.host} is in use; pick another with --port N (or --port 0 for any free port)`);
		if (code === 'EADDRNOTAVAIL') throw new CommandError(`cannot listen on ${options.host}: no such address on this machine`);
		throw error;
	}
	say(
		io,
		[
			`spytui API server on ${server.url}  (org '${server.org.name}', uid ${server.org.uid})`,
			`Data: ${server.dataDir}`,
			`API key: in ${server.tokenFile} (readable only by you)`,
			options.observe ? `Observing this machine every ${intervalMs} ms${options.allowKill ? '; enforcing policies may kill the processes they pick (--allow-kill)' : ''}` : 'Not observing this machine (--observe turns it on)',
			'',
			'Point spyctl (or spytui on another machine) at it:',
			`  spyctl config set-apisecret spytui-local -k "$(cat ${server.tokenFile})" -u ${server.url}`,
			`  spyctl config set-context spytui-local --secret spytui-local --organization ${server.org.uid}`,
			'  spyctl config use-context spytui-local',
			'',
			'Ctrl-C stops the server.',
		].join('\n'),
	);
	await stopRequested;
	say(io, 'Stopping: finishing requests in flight…');
	await server.close();
	return 0;
}
