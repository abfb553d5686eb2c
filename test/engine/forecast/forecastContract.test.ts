import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import type { ForecastFit, ForecastOptions, ForecastSpec, Series } from '../../../engine/forecast/index.js';
import { NOISE, fitOk, seriesOf, years } from './forecastHelpers.js';

/**
 * What every method promises, checked on one noisy history per method: observed years kept as
 * they are, the same bits from the same input, quantiles ordered and consistent with the band.
 */

const growing = seriesOf(2005, 16, (year, i) => (200 + 12 * (year - 2005) + 0.4 * (year - 2005) ** 2) * (1 + NOISE[i]));
const sShaped = seriesOf(2000, 16, (year, i) => (800 / (1 + Math.exp(-0.35 * (year - 2007)))) * (1 + NOISE[i]));
const gdp = seriesOf(2000, 61, (year) => 9000 * Math.exp(0.025 * (year - 2000)));
const perPerson = seriesOf(2005, 16, (year, i) => 1.4 * gdp.values[year - 2000] ** 0.37 * 10 * (1 + NOISE[i]));

interface Case {
  readonly name: string;
  readonly history: Series;
  readonly spec: ForecastSpec;
  readonly options?: ForecastOptions;
  /** How the band must widen with the horizon: its width, its width in ln, or no promise (see README). */
  readonly widens: 'absolute' | 'log' | 'no';
}

const CASES: Case[] = [
  { name: 'linear', history: growing, spec: { method: 'linear' }, widens: 'absolute' },
  { name: 'log-linear', history: growing, spec: { method: 'log-linear' }, widens: 'log' },
  { name: 'holt', history: growing, spec: { method: 'holt' }, widens: 'absolute' },
  { name: 'damped holt', history: growing, spec: { method: 'holt', damped: true }, widens: 'absolute' },
  { name: 'gm11', history: growing, spec: { method: 'gm11' }, widens: 'log' },
  { name: 'logistic', history: sShaped, spec: { method: 'logistic' }, widens: 'no' },
  { name: 'gompertz', history: sShaped, spec: { method: 'gompertz' }, widens: 'no' },
  { name: 'linear regression', history: perPerson, spec: { method: 'regression', form: 'linear' }, options: { covariate: gdp }, widens: 'absolute' },
  { name: 'log-log regression', history: perPerson, spec: { method: 'regression', form: 'log-log' }, options: { covariate: gdp }, widens: 'log' },
  { name: 'saturating regression', history: perPerson, spec: { method: 'regression', form: 'saturating' }, options: { covariate: gdp }, widens: 'no' },
];

const lastYear = (fit: ForecastFit) => fit.history.years[fit.history.years.length - 1];
const ahead = (fit: ForecastFit, count: number) => Float64Array.from({ length: count }, (_, h) => lastYear(fit) + 1 + h);

describe.each(CASES)('fitForecast($name)', ({ history, spec, options }) => {
  const fit = fitOk(history, spec, options);

  it('project(observed years) returns the observed values, with no interval', () => {
    const band = fit.project(history.years);
    expect(Array.from(band.point)).toStrictEqual(Array.from(history.values));
    expect(Array.from(band.lower)).toStrictEqual(Array.from(history.values));
    expect(Array.from(band.upper)).toStrictEqual(Array.from(history.values));
    expect(Array.from(fit.quantile(history.years, 0.1))).toStrictEqual(Array.from(history.values));
  });

  it('fitForecast gives the same bits for the same input', () => {
    const again = fitOk(history, spec, options);
    const projected = ahead(fit, 30);
    expect(JSON.stringify(again.parameters)).toBe(JSON.stringify(fit.parameters));
    expect(Array.from(again.fitted)).toStrictEqual(Array.from(fit.fitted));
    expect(Array.from(again.project(projected).upper)).toStrictEqual(Array.from(fit.project(projected).upper));
  });

  it('project(years) has lower < point < upper, and quantile(p) is that band at p = ½ and (1 ± level)/2', () => {
    const projected = ahead(fit, 30);
    const band = fit.project(projected);
    for (let i = 0; i < projected.length; i++) {
      expect(band.lower[i]).toBeLessThan(band.point[i]);
      expect(band.point[i]).toBeLessThan(band.upper[i]);
    }
    expect(fit.quantile(projected, 0.5)).toStrictEqual(band.point);
    expect(fit.quantile(projected, (1 - fit.interval.level) / 2)).toStrictEqual(band.lower);
    expect(fit.quantile(projected, (1 + fit.interval.level) / 2)).toStrictEqual(band.upper);
  });

  it('quantile(years, p) increases with p', () => {
    const projected = ahead(fit, 20);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p, q) => {
        fc.pre(p < q);
        const low = fit.quantile(projected, p);
        const high = fit.quantile(projected, q);
        for (let i = 0; i < projected.length; i++) expect(low[i]).toBeLessThanOrEqual(high[i]);
      }),
      { numRuns: 50 },
    );
  });

  it('a lower level gives a narrower interval', () => {
    const projected = ahead(fit, 5);
    const wide = fit.project(projected);
    const narrow = fitOk(history, spec, { ...options, level: 0.8 }).project(projected);
    for (let i = 0; i < projected.length; i++) {
      expect(narrow.upper[i]).toBeLessThan(wide.upper[i]);
      expect(narrow.lower[i]).toBeGreaterThan(wide.lower[i]);
    }
  });

  it('project and quantile refuse unobserved years before the last observation, fractional years and p outside (0, 1)', () => {
    const first = history.years[0];
    expect(() => fit.project(years(first - 1))).toThrow(OptionsError);
    expect(() => fit.project(years(lastYear(fit) + 0.5))).toThrow(OptionsError);
    expect(() => fit.quantile(years(lastYear(fit) + 1), 0)).toThrow(OptionsError);
    expect(() => fit.quantile(years(lastYear(fit) + 1), 1)).toThrow(OptionsError);
    expect(() => fit.quantile(years(lastYear(fit) + 1), NaN)).toThrow(OptionsError);
  });
});

describe.each(CASES.filter(({ widens }) => widens !== 'no'))('fitForecast($name)', ({ history, spec, options, widens }) => {
  it('project(years) widens with the horizon', () => {
    const fit = fitOk(history, spec, options);
    const band = fit.project(ahead(fit, 40));
    const width = (i: number) => (widens === 'log' ? Math.log(band.upper[i] / band.lower[i]) : band.upper[i] - band.lower[i]);
    for (let i = 1; i < 40; i++) expect(width(i)).toBeGreaterThan(width(i - 1));
  });
});

describe('fitForecast', () => {
  it('fitForecast(history) never changes the history it is given', () => {
    const history = seriesOf(2000, 10, (year) => 5 + year - 2000);
    const copy = Array.from(history.values);
    const fit = fitOk(history, { method: 'linear' });
    history.values[9] = 1000;
    expect(Array.from(fit.history.values)).toStrictEqual(copy);
    expect(fit.project(years(2009)).point[0]).toBe(14);
  });
});
