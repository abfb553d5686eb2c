export { fitForecast } from './fitForecast.js';
export {
  FORECAST_DEFAULTS,
  FORECAST_METHODS,
  REGRESSION_FORMS,
  type ForecastBand,
  type ForecastFit,
  type ForecastGoodness,
  type ForecastMethod,
  type ForecastOptions,
  type ForecastParameter,
  type ForecastProblem,
  type ForecastResult,
  type ForecastSpec,
  type RegressionForm,
  type Series,
} from './forecastTypes.js';
