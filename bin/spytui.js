#!/usr/bin/env -S node --max-semi-space-size=4
// The bundle is built by `npm run build` (and by `npm start`); it is React's production build already.
// A young generation of 4 MB, not V8's 16: a log tail keeps every event for a few seconds, and a
// scavenge copies what is alive, so large ones held a key's frame for up to 20 ms. V8 reads the
// size only at start, hence the flag here (the logs bench: p99 of a key 36-58 ms before, 37-43 after;
// RSS 30 MB less).
await import('../bundle/cli.mjs');
