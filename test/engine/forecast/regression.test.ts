import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOISE, fitOk, seriesOf, years } from './forecastHelpers.js';

/** GDP per person growing 3 % a year from 8000 in 1990, known through 2060. */
const gdp = seriesOf(1990, 71, (year) => 8000 * Math.exp(0.03 * (year - 1990)));
const gdpIn = (year: number) => 8000 * Math.exp(0.03 * (year - 1990));

/** What a Waste 2.0 fits as coded in pik-piam/mrremind, R/calcWasteGen.R (kg/person/yr on GDP per person). */
const WHAT_A_WASTE = {
  logLog: { intercept: 2.16, slope: 0.37 },
  saturating: { maximum: 1274.45, halfSaturation: 61542.95, intercept: 92.15 },
};

describe('fitForecast regression', () => {
  it('fitForecast(regression, linear) gives the closed-form OLS line in the covariate', () => {
    const history = seriesOf(2000, 8, (year, i) => 120 + 0.0126 * gdpIn(year) + 15 * NOISE[i]);
    const fit = fitOk(history, { method: 'regression', form: 'linear' }, { covariate: gdp });
    const xs = Array.from(history.years, gdpIn);
    const meanX = xs.reduce((a, b) => a + b) / 8;
    const meanY = history.values.reduce((a, b) => a + b) / 8;
    const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
    const slope = xs.reduce((sum, x, i) => sum + (x - meanX) * (history.values[i] - meanY), 0) / sxx;
    expect(fit.parameters.slope.value).toBeCloseTo(slope, 12);
    expect(fit.parameters.intercept.value).toBeCloseTo(meanY - slope * meanX, 9);
    const rss = xs.reduce((sum, x, i) => sum + (history.values[i] - (meanY + slope * (x - meanX))) ** 2, 0);
    expect(fit.parameters.slope.standardError).toBeCloseTo(Math.sqrt(rss / 6 / sxx), 12);
    expect(fit.project(years(2050)).point[0]).toBeCloseTo(meanY + slope * (gdpIn(2050) - meanX), 9);
  });

  it('fitForecast(regression, log-log) recovers the intercept and elasticity of a noise-free power law', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 8, noNaN: true }), fc.double({ min: -1, max: 1.5, noNaN: true }), fc.integer({ min: 3, max: 30 }), (intercept, slope, count) => {
        const history = seriesOf(2000, count, (year) => Math.exp(intercept + slope * Math.log(gdpIn(year))));
        const fit = fitOk(history, { method: 'regression', form: 'log-log' }, { covariate: gdp });
        expect(fit.parameters.intercept.value).toBeCloseTo(intercept, 8);
        expect(fit.parameters.slope.value).toBeCloseTo(slope, 9);
      }),
    );
  });

  it('fitForecast(regression, saturating) recovers the coefficients of a noise-free saturating curve', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 5000, noNaN: true }),
        fc.double({ min: 5000, max: 100_000, noNaN: true }),
        fc.double({ min: -200, max: 500, noNaN: true }),
        (maximum, halfSaturation, intercept) => {
          const history = seriesOf(1990, 40, (year) => (maximum * gdpIn(year)) / (halfSaturation + gdpIn(year)) + intercept);
          const fit = fitOk(history, { method: 'regression', form: 'saturating' }, { covariate: gdp });
          expect(fit.parameters.maximum.value / maximum).toBeCloseTo(1, 6);
          expect(fit.parameters.halfSaturation.value / halfSaturation).toBeCloseTo(1, 6);
          expect(fit.parameters.intercept.value).toBeCloseTo(intercept, 4);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('fitForecast(regression) with What a Waste’s published coefficients projects their curves exactly', () => {
    const history = seriesOf(2015, 6, (year, i) => ((WHAT_A_WASTE.saturating.maximum * gdpIn(year)) / (WHAT_A_WASTE.saturating.halfSaturation + gdpIn(year)) + 92.15) * (1 + NOISE[i]));
    const saturating = fitOk(history, { method: 'regression', form: 'saturating', coefficients: WHAT_A_WASTE.saturating }, { covariate: gdp, until: 2060 });
    const logLog = fitOk(history, { method: 'regression', form: 'log-log', coefficients: WHAT_A_WASTE.logLog }, { covariate: gdp, until: 2060 });
    const g = gdpIn(2060);
    expect(saturating.project(years(2060)).point[0]).toBeCloseTo((1274.45 * g) / (61542.95 + g) + 92.15, 10);
    expect(logLog.project(years(2060)).point[0]).toBeCloseTo(Math.exp(0.37 * Math.log(g) + 2.16), 10);
    expect(saturating.goodness.k).toBe(0);
    expect(saturating.parameters.maximum).toStrictEqual({ value: 1274.45, source: 'given' });
    // Every coefficient given: the interval is the history's scatter about the curve, t with n degrees of freedom.
    expect(saturating.interval.method).toContain('given coefficients');
  });

  it('fitForecast(regression, log-log) with the elasticity given fits the intercept to the city: the mean of ln y − slope·ln x', () => {
    const history = seriesOf(2010, 9, (year, i) => 3 * gdpIn(year) ** 0.37 * (1 + NOISE[i]));
    const fit = fitOk(history, { method: 'regression', form: 'log-log', coefficients: { slope: 0.37 } }, { covariate: gdp });
    const meanOffset = Array.from(history.values, (value, i) => Math.log(value) - 0.37 * Math.log(gdpIn(history.years[i]))).reduce((a, b) => a + b) / 9;
    expect(fit.parameters.intercept.value).toBeCloseTo(meanOffset, 12);
    expect(fit.parameters.slope.source).toBe('given');
    expect(fit.goodness.k).toBe(1);
  });
});
