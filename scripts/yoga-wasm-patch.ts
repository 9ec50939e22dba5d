import {sourcePatch} from './source-patch.js';

/**
 * yoga-layout's loader is Emscripten's web build: wherever `fetch` exists it
 * fetches its own base64 data: URL. On Node that loads undici and percent-
 * decodes the whole module, about 40 ms of every start before the first
 * frame. Without fetch it decodes the base64 in place, the path it already
 * takes on runtimes that have none.
 */
export const yogaWasmPatch = sourcePatch('yoga-wasm-without-fetch', 'scripts/yoga-wasm-patch.ts', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
	{find: '"function"!=typeof fetch', replace: 'true'},
]);
