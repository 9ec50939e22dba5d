/**
 * API keys loaded in this process. Every line spytui writes passes through
 * redactSecrets, so a key that slips into an error message from a library is
 * still never shown.
 */
const known = new Set<string>();

/** Keys shorter than this are too likely to collide with ordinary words. */
const minimumLength = 8;

export function registerSecret(value: string | undefined): void {
	if (value && value.length >= minimumLength) known.add(value);
}

export function maskKey(value: string): string {
	return `****${value.slice(-4)}`;
}

export function redactSecrets(text: string): string {
	let result = text;
	for (const secret of known) {
		if (result.includes(secret)) result = result.split(secret).join(maskKey(secret));
	}
	return result;
}
