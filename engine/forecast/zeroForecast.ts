import { makeForecastFit } from './forecastFit.js';
import type { ForecastFit, ForecastMethod, Series } from './forecastTypes.js';

/** Whether every value of the history is zero: a series with nothing to fit (a stream a sector never generates). */
export function isZeroSeries(history: Series): boolean {
  return history.values.every((value) => value === 0);
}

/**
 * The forecast of a history that is zero throughout, for every method: zero in every later
 * year, with no interval around it. No method has anything to fit there (a log-space method
 * could not even take the logarithm), and zero is the only continuation the data support.
 */
export function zeroForecast(history: Series, method: ForecastMethod, level: number): ForecastFit {
  return makeForecastFit({
    method,
    description: 'zero throughout: projected as zero (nothing to fit)',
    parameters: {},
    history,
    fitted: new Float64Array(history.values.length),
    goodness: { n: history.values.length, k: 0, mape: undefined, rmse: 0, aic: undefined },
    level,
    intervalMethod: 'none: a history of zeros is projected as zero',
    predictive: { locate: () => ({ centre: 0, scale: 0 }), degreesOfFreedom: Infinity, logSpace: false },
  });
}
