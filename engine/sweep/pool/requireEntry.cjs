// A worker thread run from source (the tests) starts here: tsx's loader, which `--import`
// registers in the thread, is in place for `require` when this CommonJS file runs, but not yet
// for an ES module entry, which Node would read as plain JavaScript. The entry is the thread's
// first argument.
require(process.argv[2]);
