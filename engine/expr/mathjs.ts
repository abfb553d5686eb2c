import type { MathJsInstance } from 'mathjs';
import bundle from 'mathjs/lib/browser/math.js';

/**
 * mathjs, loaded from its single-file build (an entry point the package exports). Its ES-module
 * entry is about a thousand files and takes 0.5–1.5 s to import; the bundle, the same library,
 * about 70 ms. Every process that compiles a model pays this (the CLI, every sweep worker), so it
 * counts. `createMath()` makes a private instance, so that one model's units never leak into
 * another's.
 */
export function createMath(): MathJsInstance {
  return bundle.create();
}
