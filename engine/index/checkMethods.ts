import type { LoadContext } from '../definition/loadContext.js';
import { childPath } from '../definition/sourceMap.js';
import { missingTargetError, missingValueError, missingWeightError } from './indexErrors.js';
import type { IndexSpec } from './indexSpec.js';

/**
 * Checks that every choice the file (or the command line) makes, and every choice the uncertainty
 * analysis may draw, can be computed on this index: targets for distance-to-target, weights for
 * given weights, an imputation for every missing value, and no geometric mean of z-scores (which
 * are negative for half the cities). Found here, a mistake has its line; the Monte Carlo never
 * meets one half-way.
 */
export function checkMethods(spec: IndexSpec, context: LoadContext): void {
  const { method, uncertainty, indicators, cities } = spec;
  const normalisations = new Set([method.normalisation, ...uncertainty.normalisations]);
  if (normalisations.has('distance-to-target')) {
    const untargeted = indicators.find((indicator) => indicator.target === undefined);
    if (untargeted) throw missingTargetError(context.at(untargeted.path), untargeted.id);
  }
  if (method.weights === 'given') {
    const unweighted = indicators.find((indicator) => indicator.weight === undefined);
    if (unweighted) throw missingWeightError(context.at(unweighted.path), unweighted.id);
  }
  for (const indicator of indicators) {
    const missing = indicator.values.findIndex((value) => value.kind === 'missing');
    if (missing < 0) continue;
    const at = context.at(indicator.values[missing].path);
    if ((indicator.imputation ?? method.imputation) === 'none') throw missingValueError(at, cities[missing].id, indicator.id);
    if (uncertainty.imputations.includes('none') && uncertainty.imputations.length > 1) {
      throw context.fail(`invalid uncertainty: imputations include none, but ${cities[missing].id} has no value for ${indicator.id}`, childPath('uncertainty', 'imputations'), 'list only mean, median or drop-indicator: every draw must fill or drop the missing values');
    }
  }
  if (uncertainty.aggregations.includes('geometric') && uncertainty.normalisations.includes('z-score')) {
    throw context.fail(
      'invalid uncertainty: geometric aggregation of z-scores',
      'uncertainty',
      'z-scores are negative for the cities below the mean, where the geometric mean is undefined; drop z-score from normalisations or geometric from aggregations',
    );
  }
}
