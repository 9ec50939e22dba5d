import type {ServerOptions} from './start.js';
import type {Org} from './store/orgs.js';

/** What the app learns of a server started in a process of its own: enough for a client. */
export type ServerAddress = {url: string; org: Org; token: string; tokenFile: string; dataDir: string};

/** Options another process can be handed: a clock function cannot cross into it. */
export type ProcessServerOptions = Omit<ServerOptions, 'clock'>;

export type ServerRequest = {type: 'start'; options: ProcessServerOptions} | {type: 'close'};

export type ServerReply = {type: 'ready'; server: ServerAddress} | {type: 'closed'} | {type: 'failed'; message: string; code?: string};
