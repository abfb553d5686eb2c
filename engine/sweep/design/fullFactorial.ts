import { OptionsError } from '../../errors.js';
import { createDesign, type Design } from './design.js';

/**
 * Every combination of the given levels, one factor per entry of `levels`; the last factor varies
 * fastest (row-major, as everywhere in metabolis). Row i is the mixed-radix expansion of i in the
 * level counts, so any row is computed directly. The rows hold the level values themselves.
 */
export function fullFactorialDesign(levels: readonly (readonly number[])[]): Design {
  if (levels.length === 0) throw new OptionsError('levels', 'must list the levels of at least one factor');
  let size = 1;
  levels.forEach((factorLevels, factor) => {
    if (factorLevels.length === 0) throw new OptionsError(`levels[${factor}]`, 'must not be empty');
    if (!factorLevels.every(Number.isFinite)) throw new OptionsError(`levels[${factor}]`, 'must be finite numbers');
    size *= factorLevels.length;
  });
  if (!Number.isSafeInteger(size)) throw new OptionsError('levels', `give ${size} combinations, too many to enumerate`);
  const dimensions = levels.length;
  const copied = levels.map((factorLevels) => Float64Array.from(factorLevels));

  return createDesign('values', dimensions, size, (from, to, out) => {
    for (let row = from; row < to; row++) {
      let rest = row;
      const base = (row - from) * dimensions;
      for (let factor = dimensions - 1; factor >= 0; factor--) {
        const factorLevels = copied[factor];
        const count = factorLevels.length;
        out[base + factor] = factorLevels[rest % count];
        rest = Math.floor(rest / count);
      }
    }
  });
}
