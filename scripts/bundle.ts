import fs from 'node:fs';
import {build} from 'esbuild';
import {inkMeasurePatch} from './ink-measure-patch.js';
import {inkOutputPatch} from './ink-output-patch.js';
import {stringWidthPatch} from './string-width-patch.js';
import {yogaWasmPatch} from './yoga-wasm-patch.js';

/**
 * One-file build of the app. Node 20 has no compile cache, so resolving and
 * compiling hundreds of modules is most of spytui's start-up; a bundle with
 * React's production build starts in about half the time of dist/.
 */
// Chunk names change with their content; old ones must not linger.
fs.rmSync('bundle', {recursive: true, force: true});

await build({
	// The embedded server's process and the log tail's thread are entries of their own; server-process.ts and tail-thread.ts find them beside chunks/.
	entryPoints: {cli: 'cli.tsx', 'server-process': 'source/server/server-process-main.ts', 'tail-worker': 'source/tui/logs/tail-worker-main.ts'},
	outdir: 'bundle',
	outExtension: {'.js': '.mjs'},
	// The full-screen app (ink, React) is a chunk of its own: commands never load it.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	sourcemap: 'linked',
	// Less source to parse at every start; names are kept for errors and stack traces.
	minify: true,
	keepNames: true,
	logLevel: 'warning',
	// A native addon and a server framework that loads plugins at run time stay in node_modules.
	external: ['better-sqlite3', 'fastify'],
	// ink's devtools integration imports an optional peer that is never installed.
	alias: {'react-devtools-core': './scripts/react-devtools-stub.ts'},
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [inkOutputPatch, inkMeasurePatch, stringWidthPatch, yogaWasmPatch],
	// CommonJS dependencies (react, js-yaml) call require; ESM output has none of its own.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
});
