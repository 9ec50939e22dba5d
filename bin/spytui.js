#!/usr/bin/env node
// Ink loads React's development reconciler unless NODE_ENV says otherwise; the shipped bin runs production.
process.env.NODE_ENV ??= 'production';
await import('../dist/cli.js');
