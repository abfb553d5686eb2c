import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coefficient, fitOk, series, seriesOf, years } from './forecastHelpers.js';

/** Student's t 0.975-quantile with 3 degrees of freedom (scipy.stats.t.ppf(0.975, 3)). */
const T_975_3 = 3.182446305284263;

describe('fitForecast linear', () => {
  /**
   * Worked by hand: years 2016–2020, y = 2, 4, 5, 4, 5. Centred on 2018: Sxx = 10, Sxy = 6, so
   * slope = 0.6 and the line is 4 + 0.6·(year − 2018): 2.8, 3.4, 4.0, 4.6, 5.2 (level in 2020 = 5.2).
   * Residuals −0.8, 0.6, 1, −0.6, −0.2: RSS = 2.4, s² = 2.4/3 = 0.8.
   * se(slope) = √(0.8/10); se(level) = √(0.8·(1/5 + 2²/10)) = √0.48.
   * 2022: 5.2 + 2·0.6 = 6.4, prediction se = √(0.8·(1 + 1/5 + 4²/10)) = √2.24, ± t(0.975, 3)·√2.24.
   * MAPE = (0.8/2 + 0.6/4 + 1/5 + 0.6/4 + 0.2/5)/5 = 18.8 %, RMSE = √0.48, AIC = 5·ln(0.48) + 4.
   */
  const history = series(2016, [2, 4, 5, 4, 5]);

  it('fitForecast(linear) matches the worked example: parameters, errors, goodness and interval', () => {
    const fit = fitOk(history, { method: 'linear' });
    expect(fit.parameters.level.value).toBeCloseTo(5.2, 13);
    expect(fit.parameters.slope.value).toBeCloseTo(0.6, 13);
    expect(fit.parameters.slope.standardError).toBeCloseTo(Math.sqrt(0.08), 13);
    expect(fit.parameters.level.standardError).toBeCloseTo(Math.sqrt(0.48), 13);
    expect(Array.from(fit.fitted).map((v) => Number(v.toFixed(12)))).toStrictEqual([2.8, 3.4, 4, 4.6, 5.2]);
    expect(fit.goodness.n).toBe(5);
    expect(fit.goodness.k).toBe(2);
    expect(fit.goodness.mape).toBeCloseTo(18.8, 12);
    expect(fit.goodness.rmse).toBeCloseTo(Math.sqrt(0.48), 13);
    expect(fit.goodness.aic).toBeCloseTo(5 * Math.log(0.48) + 4, 12);
    const band = fit.project(years(2022));
    const half = T_975_3 * Math.sqrt(2.24);
    expect(band.point[0]).toBeCloseTo(6.4, 12);
    expect(band.lower[0]).toBeCloseTo(6.4 - half, 11);
    expect(band.upper[0]).toBeCloseTo(6.4 + half, 11);
  });

  it('fitForecast(log-linear) is the same example in ln y, transformed back', () => {
    const fit = fitOk(series(2016, [2, 4, 5, 4, 5].map(Math.exp)), { method: 'log-linear' });
    expect(fit.parameters.logLevel.value).toBeCloseTo(5.2, 12);
    expect(fit.parameters.rate.value).toBeCloseTo(0.6, 12);
    // The log-normal likelihood of y: the AIC in ln y plus 2·Σ ln y = 2·20.
    expect(fit.goodness.aic).toBeCloseTo(5 * Math.log(0.48) + 4 + 40, 10);
    const band = fit.project(years(2022));
    const half = T_975_3 * Math.sqrt(2.24);
    expect(Math.log(band.point[0])).toBeCloseTo(6.4, 12);
    expect(Math.log(band.lower[0])).toBeCloseTo(6.4 - half, 11);
    expect(Math.log(band.upper[0])).toBeCloseTo(6.4 + half, 11);
  });

  it('fitForecast(linear) handles gaps in the history years', () => {
    const fit = fitOk({ years: years(2000, 2003, 2004, 2010), values: Float64Array.of(1, 7, 9, 21) }, { method: 'linear' });
    expect(fit.parameters.slope.value).toBeCloseTo(2, 12);
    expect(fit.parameters.level.value).toBeCloseTo(21, 12);
    expect(fit.project(years(2011)).point[0]).toBeCloseTo(23, 12);
  });

  it('fitForecast(linear) recovers the level and slope of a noise-free line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2050 }),
        fc.integer({ min: 3, max: 40 }),
        coefficient(-1e4, 1e4),
        coefficient(-100, 100),
        (first, count, level, slope) => {
          const last = first + count - 1;
          const fit = fitOk(seriesOf(first, count, (year) => level + slope * (year - last)), { method: 'linear' });
          expect(fit.parameters.level.value).toBeCloseTo(level, 7);
          expect(fit.parameters.slope.value).toBeCloseTo(slope, 8);
        },
      ),
    );
  });

  it('fitForecast(log-linear) recovers the level and growth rate of a noise-free exponential', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: -5, max: 15, noNaN: true }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        (count, logLevel, rate) => {
          const fit = fitOk(seriesOf(2000, count, (year) => Math.exp(logLevel + rate * (year - (2000 + count - 1)))), { method: 'log-linear' });
          expect(fit.parameters.logLevel.value).toBeCloseTo(logLevel, 10);
          expect(fit.parameters.rate.value).toBeCloseTo(rate, 11);
        },
      ),
    );
  });
});
