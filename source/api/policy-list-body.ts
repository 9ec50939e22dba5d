import {createHash} from 'node:crypto';
import {ApiRequestError} from './errors.js';
import {jsonListReader} from './json-list-reader.js';
import {readPolicyRecord, type ServerPolicy} from './policy-records.js';
import type {BodySink} from './streamed-get.js';

/** A list the client has read, and what tells that the next answer is the same list: its entity tag, or else a digest of its bytes. */
export type ReadList = {policies: ServerPolicy[]; etag?: string; digest?: string};

/**
 * Reads a list answer's body into policies as it arrives.
 *
 * A server that sends no entity tag cannot say "not modified", so an
 * unchanged list is known by its bytes instead. When the last list was known
 * that way, the body is held and hashed, and parsed only if it differs: the
 * app polls the list, and most polls find it unchanged.
 */
export function policyListBody(answer: {etag?: string}, last: ReadList | undefined): BodySink<ReadList> {
	const policies: ServerPolicy[] = [];
	const reader = jsonListReader(records => {
		for (const record of records) policies.push(readPolicyRecord(record));
	});
	const hash = answer.etag === undefined ? createHash('sha256') : undefined;
	const held: Buffer[] | undefined = hash && last?.digest !== undefined ? [] : undefined;
	return {
		push(chunk) {
			hash?.update(chunk);
			if (held) held.push(chunk);
			else reader.push(chunk);
		},
		end() {
			const digest = hash?.digest('base64');
			if (held) {
				if (last && digest === last.digest) return last;
				for (const chunk of held) reader.push(chunk);
			}
			if (!reader.end().list) throw new ApiRequestError('protocol', 'listing policies failed: the API did not return a list');
			return {policies, ...(answer.etag === undefined ? {} : {etag: answer.etag}), ...(digest === undefined ? {} : {digest})};
		},
	};
}
