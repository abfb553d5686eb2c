/**
 * Run by `npm run build`: writes V8's code cache for the mathjs bundle next to its loader
 * (engine/expr/mathjsBundle.ts), so that a process compiles none of mathjs's 650 kB. Made with the
 * running Node: another Node rejects it and compiles the bundle as before.
 */
import { writeFileSync } from 'node:fs';
import type { MathJsInstance } from 'mathjs';
import { MATHJS_CODE_CACHE, mathjsCodeCache } from '../../engine/expr/mathjsBundle.js';

/** What every model's load does: parse an expression, make units, read a unit (V8 compiles these functions on first call). */
function exercise(bundle: unknown): void {
  const math = (bundle as { create(): MathJsInstance }).create();
  math.parse('a * b / 100 + (c > 0 ? min(d, 2.5) : exp(-e))').toString();
  math.createUnit('d', '1 day');
  math.createUnit('person');
  math.Unit.parse('kg/person/d');
}

writeFileSync(MATHJS_CODE_CACHE, mathjsCodeCache(exercise));
