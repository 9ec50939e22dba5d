/** Constants of spyctl's on-disk format, shared by every reader and writer. */
export const apiVersion = 'spyderbat/v1';
export const configKind = 'Config';
export const secretKind = 'APISecret';
/** spyctl writes this instead of leaving current-context empty. */
export const noCurrentContext = '__none__';
export const defaultApiUrl = 'https://api.spyderbat.com';

/** A fresh config file, exactly as spyctl creates it on first run. */
export function configTemplate(): Record<string, unknown> {
	return {apiVersion, kind: configKind, contexts: [], 'current-context': noCurrentContext};
}
