import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitOk, series, seriesOf, years } from './forecastHelpers.js';

describe('fitForecast gm11', () => {
  /**
   * The series 2.874, 3.278, 3.337, 3.390, 3.679, the usual worked example of GM(1,1) in Chinese
   * grey-systems textbooks. Reference values computed independently with numpy 2 (numpy.cumsum,
   * numpy.linalg.lstsq on [−z, 1], the time response and numpy.diff; C and P with numpy.std):
   */
  const REFERENCE = {
    a: -0.03720438194355841,
    b: 3.065363313001526,
    fitted: [2.874, 3.2320389138705963, 3.3545497633429164, 3.481704402274005, 3.613678854098694],
    next: 3.750655814442794,
    posteriorVarianceRatio: 0.2375492840216151,
    smallErrorProbability: 1,
    mape: 1.6021700472477363,
  };

  it('fitForecast(gm11) matches an independent numpy computation of the textbook example', () => {
    const fit = fitOk(series(2001, [2.874, 3.278, 3.337, 3.39, 3.679]), { method: 'gm11' });
    expect(fit.parameters.a.value).toBeCloseTo(REFERENCE.a, 13);
    expect(fit.parameters.b.value).toBeCloseTo(REFERENCE.b, 12);
    REFERENCE.fitted.forEach((value, i) => expect(fit.fitted[i]).toBeCloseTo(value, 12));
    expect(fit.project(years(2006)).point[0]).toBeCloseTo(REFERENCE.next, 12);
    expect(fit.goodness.posteriorVarianceRatio).toBeCloseTo(REFERENCE.posteriorVarianceRatio, 12);
    expect(fit.goodness.smallErrorProbability).toBe(REFERENCE.smallErrorProbability);
    expect(fit.goodness.mape).toBeCloseTo(REFERENCE.mape, 11);
    expect(fit.goodness.n).toBe(4);
    expect(fit.goodness.aic).toBeUndefined();
  });

  /**
   * Closed form for a geometric series x⁰(k) = c·rᵏ: x¹(k) = A·rᵏ − A with A = cr/(r − 1), so
   * z(k) = A·r^(k−1)·(r + 1)/2 − A and x⁰(k) = A·r^(k−1)·(r − 1). The grey equation
   * x⁰(k) + a·z(k) = b then holds exactly for every k with
   *   a = −2(r − 1)/(r + 1),  b = −a·A = 2cr/(r + 1),
   * so least squares must return these (and zero residuals in the grey equation).
   */
  it('fitForecast(gm11) gives the closed-form a and b of a geometric series', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.double({ min: 0.7, max: 1.4, noNaN: true }), fc.integer({ min: 4, max: 25 }), (c, r, count) => {
        fc.pre(Math.abs(r - 1) > 1e-6);
        const fit = fitOk(seriesOf(2000, count, (_, i) => c * r ** (i + 1)), { method: 'gm11' });
        expect(fit.parameters.a.value / (-2 * (r - 1) / (r + 1))).toBeCloseTo(1, 7);
        expect(fit.parameters.b.value / ((2 * c * r) / (r + 1))).toBeCloseTo(1, 9);
      }),
    );
  });

  it('fitForecast(gm11) of a flat history has a = 0, a flat forecast and no C or P', () => {
    const fit = fitOk(series(2010, [7, 7, 7, 7, 7]), { method: 'gm11' });
    expect(fit.parameters.a.value).toBeCloseTo(0, 14);
    expect(fit.project(years(2030)).point[0]).toBeCloseTo(7, 12);
    expect(fit.goodness.posteriorVarianceRatio).toBeUndefined();
    expect(fit.goodness.smallErrorProbability).toBeUndefined();
  });
});
