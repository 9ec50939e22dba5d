import fc from 'fast-check';

// Locally every run explores new inputs; CI uses a fixed seed so that a submission's result does not depend on luck.
// A failure prints its seed either way, so a counterexample found locally can be replayed.
if (process.env['CI']) fc.configureGlobal({seed: 20_261_127});
