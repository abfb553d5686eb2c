import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { fitForecast, type ForecastOptions, type ForecastProblem, type ForecastSpec, type Series } from '../../../engine/forecast/index.js';
import { levenbergMarquardt } from '../../../engine/forecast/levenbergMarquardt.js';
import { fitOk, series, seriesOf, years } from './forecastHelpers.js';

const rising = (count: number) => seriesOf(2000, count, (year) => 10 + 2 * (year - 2000) + ((year % 3) - 1) * 0.5);
const gdp = seriesOf(1995, 60, (year) => 5000 * Math.exp(0.03 * (year - 1995)));
const withGaps: Series = { years: years(2000, 2001, 2003, 2004, 2005, 2006, 2007), values: Float64Array.of(1, 2, 4, 5, 6, 7, 8) };

/** [what, history, spec, options, problem, a fragment of the message]. */
const FAILURES: [string, Series, ForecastSpec, ForecastOptions | undefined, ForecastProblem, string][] = [
  ['a linear trend from 2 years', rising(2), { method: 'linear' }, undefined, 'too-few-points', '(2; needs at least 3)'],
  ['a log-linear trend from 2 years', rising(2), { method: 'log-linear' }, undefined, 'too-few-points', 'needs at least 3'],
  ['holt with α and β fitted from 4 years', rising(4), { method: 'holt' }, undefined, 'too-few-points', '(4; needs at least 5)'],
  ['damped holt with α, β, φ fitted from 5 years', rising(5), { method: 'holt', damped: true }, undefined, 'too-few-points', '(5; needs at least 6)'],
  ['holt with α and β given from 2 years', rising(2), { method: 'holt', alpha: 0.5, beta: 0.2 }, undefined, 'too-few-points', '(2; needs at least 3)'],
  ['GM(1,1) from 3 years', rising(3), { method: 'gm11' }, undefined, 'too-few-points', '(3; needs at least 4)'],
  ['a logistic curve from 3 years', rising(3), { method: 'logistic' }, undefined, 'too-few-points', '(3; needs at least 4)'],
  ['a logistic curve with its saturation from 2 years', rising(2), { method: 'logistic', saturation: 100 }, undefined, 'too-few-points', '(2; needs at least 3)'],
  ['a Gompertz curve from 3 years', rising(3), { method: 'gompertz' }, undefined, 'too-few-points', 'needs at least 4'],
  ['a linear regression from 2 years', rising(2), { method: 'regression', form: 'linear' }, { covariate: gdp }, 'too-few-points', '(2; needs at least 3)'],
  ['a saturating regression from 3 years', rising(3), { method: 'regression', form: 'saturating' }, { covariate: gdp }, 'too-few-points', '(3; needs at least 4)'],

  ['a log-linear trend through 0', series(2000, [3, 2, 0, 1]), { method: 'log-linear' }, undefined, 'non-positive', '2002 has 0'],
  ['GM(1,1) of a negative value', series(2000, [3, 2, -1, 1, 2]), { method: 'gm11' }, undefined, 'non-positive', '2002 has -1'],
  ['a logistic curve through 0', series(2000, [0, 2, 4, 6, 7]), { method: 'logistic' }, undefined, 'non-positive', '2000 has 0'],
  ['a Gompertz curve through a negative value', series(2000, [-1, 2, 4, 6, 7]), { method: 'gompertz' }, undefined, 'non-positive', '2000 has -1'],
  ['a log-log regression of a zero', series(2000, [3, 0, 4, 5]), { method: 'regression', form: 'log-log' }, { covariate: gdp }, 'non-positive', 'history values must be positive, 2001 has 0'],
  [
    'a log-log regression on a negative covariate',
    rising(5),
    { method: 'regression', form: 'log-log' },
    { covariate: seriesOf(2000, 10, (year) => year - 2003) },
    'non-positive',
    'covariate values must be positive, 2000 has -3',
  ],
  ['a saturating regression on a zero covariate', rising(5), { method: 'regression', form: 'saturating' }, { covariate: seriesOf(2000, 10, (year) => year - 2000) }, 'non-positive', 'covariate values'],

  ['a NaN in the history', series(2000, [1, 2, NaN, 4]), { method: 'linear' }, undefined, 'not-finite', 'history is not a number in 2002 (NaN)'],
  ['an infinite value in the history', series(2000, [1, 2, Infinity, 4]), { method: 'holt' }, undefined, 'not-finite', 'in 2002 (Infinity)'],
  ['a value above 1e100', series(2000, [1, 2, 3e120, 4]), { method: 'linear' }, undefined, 'out-of-range', 'history is 3e+120 in 2002, beyond 1e±100'],
  ['a value below 1e-100', series(2000, [1e-120, 2e-120, 3e-120, 4e-120]), { method: 'gm11' }, undefined, 'out-of-range', 'history is 1e-120 in 2000'],
  ['a NaN in the covariate', rising(5), { method: 'regression', form: 'linear' }, { covariate: series(2000, [1, 2, NaN, 4, 5, 6]) }, 'not-finite', 'covariate is not a number in 2002'],
  ['years out of order', { years: years(2001, 2000, 2002), values: Float64Array.of(1, 2, 3) }, { method: 'linear' }, undefined, 'invalid-years', '2000 follows 2001'],
  ['a year twice', { years: years(2000, 2001, 2001), values: Float64Array.of(1, 2, 3) }, { method: 'linear' }, undefined, 'invalid-years', '2001 follows 2001'],
  ['a fractional year', { years: years(2000, 2000.5, 2001), values: Float64Array.of(1, 2, 3) }, { method: 'linear' }, undefined, 'invalid-years', '2000.5 is not a whole year'],
  ['holt over a gap', withGaps, { method: 'holt', alpha: 0.5, beta: 0.1 }, undefined, 'years-not-consecutive', '2003 follows 2001'],
  ['GM(1,1) over a gap', withGaps, { method: 'gm11' }, undefined, 'years-not-consecutive', '2003 follows 2001'],

  ['holt with α above 1', rising(8), { method: 'holt', alpha: 1.5 }, undefined, 'invalid-parameter', 'alpha must be in (0, 1] (got 1.5)'],
  ['holt with α = 0', rising(8), { method: 'holt', alpha: 0 }, undefined, 'invalid-parameter', 'alpha must be in (0, 1]'],
  ['holt with a negative β', rising(8), { method: 'holt', beta: -0.1 }, undefined, 'invalid-parameter', 'beta must be in [0, 1]'],
  ['damped holt with φ above 1', rising(8), { method: 'holt', damped: true, phi: 1.2 }, undefined, 'invalid-parameter', 'phi must be in (0, 1]'],
  ['holt with φ but not damped', rising(8), { method: 'holt', phi: 0.9 }, undefined, 'invalid-parameter', 'applies only to the damped method'],
  ['a logistic curve with a negative saturation', rising(8), { method: 'logistic', saturation: -5 }, undefined, 'invalid-parameter', 'saturation must be a positive number'],
  ['a logistic curve with a NaN saturation', rising(8), { method: 'logistic', saturation: NaN }, undefined, 'invalid-parameter', 'saturation must be a positive number'],
  ['a regression with an unknown coefficient', rising(8), { method: 'regression', form: 'log-log', coefficients: { elasticity: 0.37 } }, { covariate: gdp }, 'invalid-parameter', 'coefficients.elasticity is not a coefficient of this form (intercept, slope)'],
  ['a regression with a NaN coefficient', rising(8), { method: 'regression', form: 'linear', coefficients: { slope: NaN } }, { covariate: gdp }, 'invalid-parameter', 'coefficients.slope must be a finite number'],
  ['a saturating regression with halfSaturation 0', rising(8), { method: 'regression', form: 'saturating', coefficients: { halfSaturation: 0 } }, { covariate: gdp }, 'invalid-parameter', 'halfSaturation must be positive'],

  ['a logistic curve with its saturation below the history', rising(8), { method: 'logistic', saturation: 20 }, undefined, 'saturation-below-data', 'saturation 20 is not above the history (23.5 in 2007)'],
  ['a Gompertz curve with its saturation at the largest value', rising(8), { method: 'gompertz', saturation: 23.5 }, undefined, 'saturation-below-data', 'not above the history'],
  ['a logistic curve of exponential growth', seriesOf(2000, 20, (year) => Math.exp(0.1 * (year - 2000))), { method: 'logistic' }, undefined, 'no-saturation', 'fitted saturation runs off'],
  ['a Gompertz curve of exponential decline', seriesOf(2000, 15, (year) => 100 * Math.exp(-0.1 * (year - 2000))), { method: 'gompertz' }, undefined, 'no-saturation', 'fitted saturation runs off'],
  ['a saturating regression of a straight line', seriesOf(2000, 20, (year) => 3 + 0.01 * gdp.values[year - 1995]), { method: 'regression', form: 'saturating' }, { covariate: gdp }, 'no-saturation', 'fitted halfSaturation runs off'],
  ['a saturating regression of a zigzag', seriesOf(2000, 15, (year) => 10 + (year % 2) * 5), { method: 'regression', form: 'saturating' }, { covariate: gdp }, 'no-convergence', 'did not converge'],
  ['a logistic curve of a zigzag', seriesOf(2000, 15, (year) => 10 + (year % 2) * 5), { method: 'logistic' }, undefined, 'degenerate', 'does not determine the curve'],
  ['a regression on a constant covariate', rising(6), { method: 'regression', form: 'linear' }, { covariate: seriesOf(2000, 10, () => 7) }, 'degenerate', 'covariate does not vary enough'],

  ['a regression without a covariate', rising(6), { method: 'regression', form: 'linear' }, undefined, 'missing-covariate', 'no covariate given'],
  ['a regression whose covariate misses a history year', rising(6), { method: 'regression', form: 'linear' }, { covariate: seriesOf(2002, 10, (year) => year) }, 'missing-covariate', 'no value for 2000, a history year'],
  ['a regression whose covariate ends before the projection does', rising(6), { method: 'regression', form: 'linear' }, { covariate: seriesOf(2000, 20, (year) => year), until: 2030 }, 'missing-covariate', 'no value for 2020, before the last projected year 2030'],
];

describe('fitForecast problems', () => {
  it.each(FAILURES)('fitForecast(%s) is a problem with a message and a hint', (_what, history, spec, options, problem, fragment) => {
    const result = fitForecast(history, spec, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
    expect(result.message).toContain(fragment);
    expect(result.hint.length).toBeGreaterThan(10);
  });

  it('levenbergMarquardt(problem) stops at its evaluation limit when the minimum is at infinity', () => {
    // f(θ) = 1/θ fitted to 0: each Gauss–Newton step about doubles θ and quarters the sum of squares, without end.
    const outcome = levenbergMarquardt(
      {
        observations: 1,
        parameters: 1,
        evaluate(theta, residuals, jacobian) {
          residuals[0] = -1 / theta[0];
          if (jacobian) jacobian[0] = -1 / theta[0] ** 2;
        },
      },
      Float64Array.of(1),
    );
    expect(outcome.status).toBe('iteration-limit');
  });
});

describe('fitForecast misuse', () => {
  const history = rising(6);

  it('fitForecast throws OptionsError for a level outside (0, 1), an unknown method or form, and mismatched columns', () => {
    expect(() => fitForecast(history, { method: 'linear' }, { level: 1.2 })).toThrow(OptionsError);
    expect(() => fitForecast(history, { method: 'linear' }, { level: 0 })).toThrow('options.level must be strictly between 0 and 1');
    expect(() => fitForecast(history, { method: 'arima' } as unknown as ForecastSpec)).toThrow('options.method must be one of');
    expect(() => fitForecast(history, { method: 'regression', form: 'cubic' } as unknown as ForecastSpec, { covariate: gdp })).toThrow('options.form must be one of');
    expect(() => fitForecast({ years: years(2000, 2001), values: Float64Array.of(1) }, { method: 'linear' })).toThrow('options.history must have as many years as values');
  });

  it('fitForecast throws OptionsError for a covariate given to a method that takes none', () => {
    expect(() => fitForecast(history, { method: 'holt' }, { covariate: gdp })).toThrow('options.covariate applies only to the regression method');
  });

  it('project throws OptionsError for a year the covariate does not reach', () => {
    const fit = fitOk(history, { method: 'regression', form: 'linear' }, { covariate: seriesOf(2000, 10, (year) => year * 1.5) });
    expect(fit.project(years(2009)).point[0]).toBeGreaterThan(0);
    expect(() => fit.project(years(2010))).toThrow('options.covariate has no value for 2010');
  });
});
