import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';

/** The bundle's default instance; `create()` without factories makes another with all of them. */
type MathBundle = MathJsInstance & { create(): MathJsInstance };

let bundle: MathBundle | undefined;

/**
 * mathjs, loaded from its single-file build (an entry point the package exports). Its ES-module
 * entry is about a thousand files and takes 0.5–1.5 s to import; the bundle, the same library,
 * about 70 ms. It is required, not imported: an ES module importing a CommonJS file makes Node
 * scan the whole 650 kB for its export names first, which cost more than running it (0.2 s
 * against 0.06 s of CPU). Loaded on the first call, so a module that only names these functions
 * costs nothing. Every process that compiles a model pays this (the CLI, every sweep worker), so it
 * counts. `createMath()` makes a private instance, so that one model's units never leak into
 * another's.
 */
export function createMath(): MathJsInstance {
  bundle ??= createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathBundle;
  return bundle.create();
}
