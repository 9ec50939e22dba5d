import readline from 'node:readline';
import type {Readable} from 'node:stream';

/** The first line of a stream, trimmed; empty when the stream ends first. */
export async function readFirstLine(input: Readable): Promise<string> {
	const lines = readline.createInterface({input, crlfDelay: Number.POSITIVE_INFINITY});
	try {
		for await (const line of lines) return line.trim();
		return '';
	} finally {
		lines.close();
	}
}
