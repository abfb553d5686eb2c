import { OptionsError, checkOption } from '../errors.js';
import { checkSeries, copySeries } from './checkSeries.js';
import { fitGreyModel } from './greyModel.js';
import { fitHolt } from './holt.js';
import { fitSaturation } from './fitSaturation.js';
import { FORECAST_DEFAULTS, FORECAST_METHODS, REGRESSION_FORMS, type ForecastOptions, type ForecastResult, type ForecastSpec, type Series } from './forecastTypes.js';
import { fitRegression } from './regression.js';
import { GOMPERTZ, LOGISTIC } from './saturationCurves.js';
import { fitTrend } from './trend.js';

/**
 * Fits `spec` to `history` and returns the fit (parameters, goodness, a projection with its
 * prediction interval) or the problem that prevents it, with a hint. Pure and deterministic:
 * the same input gives the same bits. Misuse by code (unknown method, a level outside (0, 1),
 * columns of different lengths, a covariate for a method that takes none) throws OptionsError;
 * everything about the data or the spec's numbers is a problem in the result.
 */
export function fitForecast(history: Series, spec: ForecastSpec, options: ForecastOptions = {}): ForecastResult {
  const level = options.level ?? FORECAST_DEFAULTS.level;
  if (!(level > 0 && level < 1)) throw new OptionsError('level', `must be strictly between 0 and 1 (got ${level})`);
  checkOption('method', spec.method, FORECAST_METHODS);
  if (spec.method === 'regression') checkOption('form', spec.form, REGRESSION_FORMS);
  else if (options.covariate) throw new OptionsError('covariate', `applies only to the regression method (got method ${spec.method})`);
  const invalid = checkSeries(history, 'history');
  if (invalid) return invalid;
  const observed = copySeries(history);
  switch (spec.method) {
    case 'linear':
      return fitTrend(observed, false, level);
    case 'log-linear':
      return fitTrend(observed, true, level);
    case 'holt':
      return fitHolt(observed, spec, level);
    case 'gm11':
      return fitGreyModel(observed, level);
    case 'logistic':
      return fitSaturation(observed, LOGISTIC, spec.saturation, level);
    case 'gompertz':
      return fitSaturation(observed, GOMPERTZ, spec.saturation, level);
    case 'regression':
      return fitRegression(observed, spec, options.covariate && copySeries(options.covariate), options.until, level);
  }
}
