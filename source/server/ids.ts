import {randomInt} from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Spyderbat-style random ids: `pol:` plus 20 letters and digits, as in `pol:VRQaaJkukIl6Au1C0PrT`. */
export function randomId(length = 20): string {
	let id = '';
	for (let index = 0; index < length; index++) id += alphabet[randomInt(alphabet.length)];
	return id;
}

export function newPolicyUid(): string {
	return `pol:${randomId()}`;
}
