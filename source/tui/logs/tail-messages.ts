import type {ApiConnection} from '../../api/client.js';
import type {TailBatch} from './entry.js';

/** What the tail reads: `spytui logs -f`'s options, less the callbacks. */
export type TailFollow = {policyUid?: string; startTime: number; tail?: number; pollMs: number};

export type TailCommand = {type: 'follow'; id: number; connection: ApiConnection; follow: TailFollow} | {type: 'stop'; id: number};

/**
 * The tail's reports, each naming the follow it belongs to. A read that
 * worked comes with its new events in one message: the panel must not see
 * the read done before its events.
 */
export type TailNews =
	| {type: 'read'; id: number; batch: TailBatch}
	| {type: 'retry'; id: number; failures: number; message: string}
	| {type: 'stopped'; id: number; message: string};
