import { describe, expect, it } from 'vitest';
import { fitForecast } from '../../../engine/forecast/fitForecast.js';
import type { ForecastSpec } from '../../../engine/forecast/forecastTypes.js';
import { fitOk, series, years } from './forecastHelpers.js';

describe('fitForecast of a history of zeros', () => {
  const zeros = series(2013, [0, 0, 0, 0, 0, 0]);
  const methods: ForecastSpec[] = [{ method: 'linear' }, { method: 'log-linear' }, { method: 'holt', damped: true }, { method: 'gm11' }, { method: 'logistic' }, { method: 'gompertz' }];

  it.each(methods)('fitForecast(zeros, $method) projects zero in every later year, with no interval', (spec) => {
    const fit = fitOk(zeros, spec);
    const band = fit.project(years(2019, 2020, 2030));
    expect([...band.point, ...band.lower, ...band.upper].every((value) => value === 0)).toBe(true);
    expect(Array.from(fit.quantile(years(2019, 2025), 0.9))).toEqual([0, 0]);
    expect(fit.description).toMatch(/zero throughout/);
    expect(fit.goodness).toMatchObject({ n: 6, rmse: 0, mape: undefined });
  });

  it('fitForecast(log-linear) still refuses a history with a zero among other values', () => {
    const result = fitForecast(series(2013, [0, 1, 2, 3]), { method: 'log-linear' });
    expect(result.ok).toBe(false);
  });
});
