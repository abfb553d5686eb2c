import type { MathJsInstance, MathNode } from 'mathjs';
import { loadMathjsBundle } from './mathjsBundle.js';

/** The bundle's default instance; `create()` without factories makes another with all of them. */
type MathBundle = MathJsInstance & { create(): MathJsInstance };

let bundle: MathBundle | undefined;

/**
 * mathjs, loaded from its single-file build (an entry point the package exports). Its ES-module
 * entry is about a thousand files and takes 0.5–1.5 s to import; the bundle, the same library,
 * about 70 ms, 15 ms from the code cache the build writes (mathjsBundle.ts). It is loaded as
 * CommonJS, not imported: an ES module importing a CommonJS file makes Node scan the whole 650 kB
 * for its export names first, which cost more than running it (0.2 s against 0.06 s of CPU).
 * Loaded on the first call, so a module that only names these functions costs nothing. Every
 * process that compiles a model pays this (the CLI, every sweep worker), so it counts.
 * `createMath()` makes a private instance, so that one model's units never leak into another's.
 */
export function createMath(): MathJsInstance {
  bundle ??= loadMathjsBundle() as MathBundle;
  return bundle.create();
}

/**
 * What mathjs's expression nodes need only to be evaluated or written as LaTeX (SymbolNode asks
 * `Unit` whether a name is a unit, AccessorNode takes a `subset`, …), and what `numeric` needs only
 * for BigNumber and Fraction numbers. Building them is most of the cost of `parse`: `Unit` with
 * its arithmetic and everything that arithmetic uses, 60–120 ms, which the unit system pays once
 * more in its own instance.
 */
const EVALUATION_ONLY = ['Unit', 'subset', 'size', 'matrix', 'fraction', 'bignumber', 'isBounded'];

/**
 * mathjs's `parse`, from an instance in which what only evaluation needs is never built. The
 * language never evaluates a mathjs node (parseExpression translates the tree into its own), so
 * these stand-ins are never called; if a mathjs release did call one while parsing, it would throw,
 * never answer wrong. An instance builds each function on first use from what it holds then, and
 * setting a name first replaces the function mathjs would have built.
 */
export function createParse(): (text: string) => MathNode {
  const math = createMath() as unknown as Record<string, unknown> & MathJsInstance;
  for (const name of EVALUATION_ONLY) {
    math[name] = () => {
      throw new Error(`mathjs's ${name} is not built in the parsing instance`);
    };
  }
  return math.parse;
}
