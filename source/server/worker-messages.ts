import type {Org} from './store/orgs.js';

/** What the host learns of a server started in a worker: enough for a client. */
export type ServerAddress = {url: string; org: Org; token: string; tokenFile: string; dataDir: string};

export type WorkerRequest = {type: 'close'};

export type WorkerReply = {type: 'ready'; server: ServerAddress} | {type: 'closed'} | {type: 'failed'; message: string; code?: string};
