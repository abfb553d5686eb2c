/**
 * Run by `npm run build`: writes V8's code cache for the mathjs bundle next to its loader
 * (engine/expr/mathjsBundle.ts), so that a process compiles none of mathjs's 650 kB. Made with the
 * running Node: another Node rejects it and compiles the bundle as before.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { createParse, createUnitMath, type MathBundle } from '../../engine/expr/mathjs.js';
import { MATHJS_CODE_CACHE, mathjsCodeCache } from '../../engine/expr/mathjsBundle.js';

/**
 * What every model's load does, with the instances it does it in: parse an expression, make
 * units, read a unit (V8 compiles a function when it is first called; only those are cached).
 */
function exercise(bundle: unknown): void {
  createParse(bundle as MathBundle)('a * b / 100 + (c > 0 ? min(d, 2.5) : exp(-e))').toString();
  const math = createUnitMath(bundle as MathBundle);
  math.createUnit('d', '1 day');
  math.createUnit('person');
  math.Unit.parse('kg/person/d');
}

// Written whole or not at all: a CLI started during a build reads the old cache or the new one.
const partial = `${MATHJS_CODE_CACHE}.${process.pid}`;
writeFileSync(partial, mathjsCodeCache(exercise));
renameSync(partial, MATHJS_CODE_CACHE);
