import readline from 'node:readline';
import {UsageError} from './errors.js';
import {type CommandIo, say} from './io.js';

/**
 * Asks a yes/no question on stderr, as spyctl does: y/ye/yes or n/no. An empty
 * answer takes the default (`[Y/n]` yes, `[y/N]` no); end of input is no.
 * Without a terminal there is nobody to ask, so it refuses rather than guess.
 */
export async function confirm(io: CommandIo, question: string, assumeYes: boolean, defaultAnswer: 'yes' | 'no' = 'no'): Promise<boolean> {
	if (assumeYes) return true;
	if (!io.stdinIsTty) throw new UsageError('Cannot ask for confirmation: stdin is not a terminal. Pass -y to confirm.');
	const lines = readline.createInterface({input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY});
	const answers = lines[Symbol.asyncIterator]();
	try {
		for (;;) {
			io.stderr.write(`${question} ${defaultAnswer === 'yes' ? '[Y/n]' : '[y/N]'} `);
			const next = await answers.next();
			if (next.done === true) return false;
			const answer = String(next.value).trim().toLowerCase();
			if (answer === '') return defaultAnswer === 'yes';
			if (answer === 'n' || answer === 'no') return false;
			if (answer === 'y' || answer === 'ye' || answer === 'yes') return true;
			say(io, "Please respond with 'yes' or 'no' (or 'y' or 'n').");
		}
	} finally {
		lines.close();
	}
}
