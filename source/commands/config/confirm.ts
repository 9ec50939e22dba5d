import readline from 'node:readline';
import {UsageError} from '../errors.js';
import {type CommandIo, say} from '../io.js';

/**
 * Asks a `[y/N]` question on stderr, as spyctl does: y/ye/yes or n/no, an
 * empty answer or end of input is no. Without a terminal there is nobody to
 * ask, so it refuses rather than guess.
 */
export async function confirm(io: CommandIo, question: string, assumeYes: boolean): Promise<boolean> {
	if (assumeYes) return true;
	if (!io.stdinIsTty) throw new UsageError('Cannot ask for confirmation: stdin is not a terminal. Pass -y to confirm.');
	const lines = readline.createInterface({input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY});
	const answers = lines[Symbol.asyncIterator]();
	try {
		for (;;) {
			io.stderr.write(`${question} [y/N] `);
			const next = await answers.next();
			if (next.done === true) return false;
			const answer = String(next.value).trim().toLowerCase();
			if (answer === '' || answer === 'n' || answer === 'no') return false;
			if (answer === 'y' || answer === 'ye' || answer === 'yes') return true;
			say(io, "Please respond with 'yes' or 'no' (or 'y' or 'n').");
		}
	} finally {
		lines.close();
	}
}
