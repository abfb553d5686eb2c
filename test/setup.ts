import fc from 'fast-check';

// In CI the property tests use a pinned seed so that a red run can be replayed exactly; locally
// every run explores new cases. Either way fast-check prints the seed of a failure.
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FAST_CHECK_SEED ?? 20261124) });
