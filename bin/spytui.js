#!/usr/bin/env node
// The bundle is built by `npm run build` (and by `npm start`); it is React's production build already.
await import('../bundle/cli.mjs');
