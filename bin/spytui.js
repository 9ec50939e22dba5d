#!/usr/bin/env -S node --max-semi-space-size=4 --single-threaded-gc
// The bundle is built by `npm run build` (and by `npm start`); it is React's production build already.
// V8 reads its heap's shape only at start, hence the flags here. A young generation of 4 MB, not 16:
// a log tail keeps every event for seconds, and a scavenge copies what is alive, so large ones held a
// key's frame for up to 20 ms. Collection on the app's own threads only: on a busy machine a parallel
// pause waited for helper threads the OS had not scheduled, and the heap is small enough for one.
// (The logs bench, p99 of a key: 36-58 ms with neither, 36-57 with the first, 32-52 with both; RSS 30 MB less.)
await import('../bundle/cli.mjs');
