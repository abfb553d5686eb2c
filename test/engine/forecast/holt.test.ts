import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holtVarianceFactor } from '../../../engine/forecast/holtVariance.js';
import { inverseNormalCdf } from '../../../engine/sweep/design/inverseNormal.js';
import { NOISE, coefficient, fitOk, series, seriesOf, years } from './forecastHelpers.js';

describe('fitForecast holt', () => {
  /**
   * Worked by hand, α = β = 0.5, y = 10, 12, 13, 15, 18 (2001–2005).
   * Initial states: the line through t = 1..5: b₀ = Sty/Stt = 19/10 = 1.9, ℓ₀ = 13.6 − 1.9·3 = 7.9.
   * Each year: ŷ = ℓ + b, e = y − ŷ, ℓ ← ŷ + αe, b ← b + αβe (αβ = 0.25):
   *   2001 ŷ 9.8        e 0.2        ℓ 9.9          b 1.95
   *   2002 ŷ 11.85      e 0.15       ℓ 11.925       b 1.9875
   *   2003 ŷ 13.9125    e −0.9125    ℓ 13.45625     b 1.759375
   *   2004 ŷ 15.215625  e −0.215625  ℓ 15.1078125   b 1.70546875
   *   2005 ŷ 16.81328125 e 1.18671875 ℓ 17.406640625 b 2.0021484375
   * Forecasts: 2006 ℓ + b = 19.4087890625, 2008 ℓ + 3b = 23.4130859375.
   * SSE = 0.04 + 0.0225 + 0.83265625 + 0.046494140625 + 1.4083010864… = 2.34995178…, k = 2 (the
   * initial states), σ² = SSE/3. Variance factor for h = 3: c₁ = α(1 + β) = 0.75, c₂ = α(1 + 2β) = 1,
   * 1 + 0.5625 + 1 = 2.5625. (Checked against an independent recursion in numpy.)
   */
  const history = series(2001, [10, 12, 13, 15, 18]);

  it('fitForecast(holt, α = β = 0.5) matches the worked recursion', () => {
    const fit = fitOk(history, { method: 'holt', alpha: 0.5, beta: 0.5 });
    expect(fit.parameters.initialLevel.value).toBeCloseTo(7.9, 13);
    expect(fit.parameters.initialTrend.value).toBeCloseTo(1.9, 13);
    [9.8, 11.85, 13.9125, 15.215625, 16.81328125].forEach((forecast, t) => expect(fit.fitted[t]).toBeCloseTo(forecast, 12));
    expect(fit.parameters.level.value).toBeCloseTo(17.406640625, 12);
    expect(fit.parameters.trend.value).toBeCloseTo(2.0021484375, 12);
    expect(fit.parameters.alpha).toStrictEqual({ value: 0.5, source: 'given' });
    expect(fit.goodness.k).toBe(2);
    const sse = 0.04 + 0.0225 + 0.83265625 + 0.046494140625 + 1.18671875 ** 2;
    expect(fit.goodness.rmse).toBeCloseTo(Math.sqrt(sse / 5), 12);
    const band = fit.project(years(2006, 2008));
    expect(band.point[0]).toBeCloseTo(19.4087890625, 12);
    expect(band.point[1]).toBeCloseTo(23.4130859375, 12);
    const z = inverseNormalCdf(0.975);
    expect(band.upper[0] - band.point[0]).toBeCloseTo(z * Math.sqrt(sse / 3), 12);
    expect(band.upper[1] - band.point[1]).toBeCloseTo(z * Math.sqrt((sse / 3) * 2.5625), 12);
  });

  it('holtVarianceFactor(h, α, β, 1) is FPP’s 1 + (h − 1)(α² + αβh + β²h(2h − 1)/6) with β = αβ*', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (h, alpha, betaStar) => {
        const beta = alpha * betaStar;
        const closedForm = 1 + (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6);
        expect(holtVarianceFactor(h, alpha, betaStar, 1) / closedForm).toBeCloseTo(1, 12);
      }),
    );
  });

  it('holtVarianceFactor(h, α, β, φ) is FPP’s damped closed form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        (h, alpha, betaStar, phi) => {
          const b = alpha * betaStar;
          const closedForm =
            1 +
            alpha ** 2 * (h - 1) +
            ((b * phi * h) / (1 - phi) ** 2) * (2 * alpha * (1 - phi) + b * phi) -
            ((b * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi ** 2))) * (2 * alpha * (1 - phi ** 2) + b * phi * (1 + 2 * phi - phi ** h));
          expect(holtVarianceFactor(h, alpha, betaStar, phi) / closedForm).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('fitForecast(holt) continues a noise-free straight line exactly', () => {
    // The initial states are the line itself, so every one-step error is 0 whatever α and β.
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 30 }), coefficient(-1e3, 1e3), coefficient(-50, 50), (count, intercept, slope) => {
        const fit = fitOk(seriesOf(2000, count, (year) => intercept + slope * (year - 2000)), { method: 'holt' });
        expect(fit.project(years(2000 + count + 4)).point[0]).toBeCloseTo(intercept + slope * (count + 4), 7);
        expect(fit.goodness.rmse).toBeLessThan(1e-9 * (Math.abs(intercept) + Math.abs(slope) * count + 1));
      }),
    );
  });

  it('fitForecast(holt) finds α and β with an SSE no larger than any point of a fine grid', () => {
    const noisy = seriesOf(2000, 16, (year, i) => (100 + 4 * (year - 2000) + 0.2 * (year - 2000) ** 2) * (1 + NOISE[i]));
    const fitted = fitOk(noisy, { method: 'holt' });
    const sse = (rmse: number) => rmse * rmse * 16;
    let gridBest = Infinity;
    for (let a = 1; a < 40; a++) {
      for (let b = 1; b < 40; b++) {
        gridBest = Math.min(gridBest, sse(fitOk(noisy, { method: 'holt', alpha: a / 40, beta: b / 40 }).goodness.rmse));
      }
    }
    expect(fitted.parameters.alpha.source).toBe('fitted');
    expect(sse(fitted.goodness.rmse)).toBeLessThanOrEqual(gridBest * (1 + 1e-12));
  });

  it('fitForecast(holt, damped) approaches level + φ/(1 − φ)·trend far ahead', () => {
    const fit = fitOk(seriesOf(2000, 12, (year, i) => 50 + 3 * (year - 2000) * (1 + NOISE[i])), { method: 'holt', damped: true, phi: 0.85 });
    const { level, trend } = fit.parameters;
    expect(fit.project(years(2400)).point[0]).toBeCloseTo(level.value + (0.85 / 0.15) * trend.value, 9);
    expect(fit.parameters.phi).toStrictEqual({ value: 0.85, source: 'given' });
    expect(fit.goodness.k).toBe(4);
  });
});
