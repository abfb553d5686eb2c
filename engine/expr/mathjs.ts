import type { MathJsInstance, MathNode } from 'mathjs';
import { loadMathjsBundle } from './mathjsBundle.js';

/** The bundle's default instance; `create()` without factories makes another with all of them. */
export type MathBundle = MathJsInstance & { create(): MathJsInstance };

let bundle: MathBundle | undefined;

/**
 * mathjs, loaded from its single-file build (an entry point the package exports). Its ES-module
 * entry is about a thousand files and takes 0.5–1.5 s to import; the bundle, the same library,
 * about 70 ms, 15 ms from the code cache the build writes (mathjsBundle.ts). It is loaded as
 * CommonJS, not imported: an ES module importing a CommonJS file makes Node scan the whole 650 kB
 * for its export names first, which cost more than running it (0.2 s against 0.06 s of CPU).
 * Loaded on the first call, so a module that only names these functions costs nothing. Every
 * process that compiles a model pays this (the CLI, every sweep worker), so it counts.
 * `createMath()` makes a private instance, so that one model's units never leak into another's;
 * the build passes the instances below a bundle of its own (`from`) to make the code cache.
 */
export function createMath(from?: MathBundle): MathJsInstance {
  if (from) return from.create();
  bundle ??= loadMathjsBundle() as MathBundle;
  return bundle.create();
}

/**
 * An instance builds each function on first use, from what the instance holds then: setting a
 * name before that replaces the function mathjs would have built, in everything built after it.
 */
function replaceBeforeBuilt(math: MathJsInstance, functions: Readonly<Record<string, unknown>>): MathJsInstance {
  return Object.assign(math, functions);
}

function notBuilt(name: string, instance: string): () => never {
  return () => {
    throw new Error(`mathjs's ${name} is not built in the ${instance} instance`);
  };
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
 * never answer wrong.
 */
export function createParse(from?: MathBundle): (text: string) => MathNode {
  return replaceBeforeBuilt(createMath(from), Object.fromEntries(EVALUATION_ONLY.map((name) => [name, notBuilt(name, 'parsing')]))).parse;
}

function numbersOnly(name: string, operation: (x: number, y: number) => number): (x: unknown, y: unknown) => number {
  return (x, y) => {
    if (typeof x !== 'number' || typeof y !== 'number') throw new Error(`mathjs's ${name} is built for numbers only in the unit instance`);
    return operation(x, y);
  };
}

/**
 * The arithmetic mathjs's `Unit` class is made with (its factory's dependencies), for numbers only.
 * mathjs builds each for numbers, BigNumbers, Fractions, complex numbers and matrices, with all
 * that those use: 50–150 ms of every start. A unit system's values are numbers (mathjs's default
 * `number: 'number'`), and what it calls (createUnit, Unit.parse, Unit.isValuelessUnit) only
 * multiplies unit and prefix values and raises them to their powers, as recorded over every
 * shipped model, test model and unit test. These give what mathjs gives for numbers (its pow of
 * numbers is Math.pow wherever the result is real); anything else throws, never answers wrong.
 */
const UNIT_ARITHMETIC: Readonly<Record<string, unknown>> = {
  multiplyScalar: numbersOnly('multiplyScalar', (x, y) => x * y),
  pow: numbersOnly('pow', (x, y) => {
    if (x < 0 && !Number.isInteger(y)) throw new Error("mathjs's pow of a negative number to a fraction (a complex number) is not built in the unit instance");
    return Math.pow(x, y);
  }),
  ...Object.fromEntries(['addScalar', 'subtractScalar', 'divideScalar', 'abs', 'fix', 'round', 'equal', 'isNumeric', 'format', 'number'].map((name) => [name, notBuilt(name, 'unit')])),
};

/** A private instance for a unit system: mathjs's units, prefixes and unit parser, on number-only arithmetic. */
export function createUnitMath(from?: MathBundle): MathJsInstance {
  return replaceBeforeBuilt(createMath(from), UNIT_ARITHMETIC);
}
