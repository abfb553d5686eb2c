import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitForecast, type ForecastParameter } from '../../../engine/forecast/index.js';
import { NOISE, fitOk, seriesOf, years } from './forecastHelpers.js';

const logistic = (saturation: number, rate: number, midpoint: number) => (year: number) => saturation / (1 + Math.exp(-rate * (year - midpoint)));
const gompertz = (saturation: number, rate: number, inflection: number) => (year: number) => saturation * Math.exp(-Math.exp(-rate * (year - inflection)));

describe('fitForecast logistic and gompertz', () => {
  /**
   * Independent reference: scipy.optimize.curve_fit (MINPACK's Levenberg–Marquardt with the
   * analytic Jacobian, scipy 1.17.1, xtol = ftol = gtol = 1e-15) on 2000–2015 of
   * 800/(1 + e^(−0.35(t − 2007))) and 500·exp(−e^(−0.25(t − 2006))), each times (1 + NOISE);
   * standard errors √diag(pcov), which scipy scales by RSS/(n − k) as this kernel does; and the
   * residual sums of squares, 694.457… and 227.711….
   */
  /** The estimate within a millionth of its standard error of scipy's (the minimum is flat to rounding there), and the same standard error. */
  function expectParameter(parameter: ForecastParameter, value: number, standardError: number): void {
    expect(Math.abs(parameter.value - value) / standardError).toBeLessThan(1e-6);
    expect(parameter.standardError! / standardError).toBeCloseTo(1, 6);
  }

  it('fitForecast(logistic) matches scipy’s curve_fit on noisy data, standard errors included', () => {
    const fit = fitOk(seriesOf(2000, 16, (year, i) => logistic(800, 0.35, 2007)(year) * (1 + NOISE[i])), { method: 'logistic' });
    expectParameter(fit.parameters.saturation, 794.4261860922666, 7.846613927575397);
    expectParameter(fit.parameters.rate, 0.3522962974291172, 0.007597599183665628);
    expectParameter(fit.parameters.midpoint, 2006.9457339382748, 0.08568084435755555);
    expect(fit.goodness.k).toBe(3);
    expect(fit.goodness.rmse).toBeCloseTo(Math.sqrt(694.4570083697233 / 16), 9);
  });

  it('fitForecast(gompertz) matches scipy’s curve_fit on noisy data, standard errors included', () => {
    const fit = fitOk(seriesOf(2000, 16, (year, i) => gompertz(500, 0.25, 2006)(year) * (1 + NOISE[i])), { method: 'gompertz' });
    expectParameter(fit.parameters.saturation, 495.7547639762272, 6.0323001538930265);
    expectParameter(fit.parameters.rate, 0.25255881662258634, 0.006509587738353193);
    expectParameter(fit.parameters.inflection, 2005.9527316012677, 0.07016328194441718);
    expect(fit.goodness.rmse).toBeCloseTo(Math.sqrt(227.71159381676097 / 16), 9);
  });

  // The turning point inside the history 2000–2029, so the data show the bend, and a rate that
  // keeps the first year above 10⁻⁶ of the saturation (a Gompertz curve falls as e^(−e^(r(t₀ − t)))
  // before its inflection and would underflow to 0).
  const curves = fc
    .record({ saturation: fc.double({ min: 1, max: 1e7, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }), turn: fc.double({ min: 2008, max: 2022, noNaN: true }) })
    .map(({ saturation, share, turn }) => ({ saturation, turn, rate: 0.08 + share * (2.5 / (turn - 2000) - 0.08) }));

  it.each([
    ['logistic', logistic, 'midpoint'],
    ['gompertz', gompertz, 'inflection'],
  ] as const)('fitForecast(%s) recovers the saturation, rate and turning point of a noise-free curve', (method, curve, turningPoint) => {
    fc.assert(
      fc.property(curves, ({ saturation, rate, turn }) => {
        const fit = fitOk(seriesOf(2000, 30, curve(saturation, rate, turn)), { method });
        expect(fit.parameters.saturation.value / saturation).toBeCloseTo(1, 7);
        expect(fit.parameters.rate.value / rate).toBeCloseTo(1, 7);
        expect(fit.parameters[turningPoint].value).toBeCloseTo(turn, 5);
      }),
      { numRuns: 60 },
    );
  });

  it('fitForecast(logistic, saturation) holds the given saturation and fits the other two', () => {
    const fit = fitOk(seriesOf(2000, 12, logistic(1000, 0.3, 2015)), { method: 'logistic', saturation: 1000 });
    expect(fit.parameters.saturation).toStrictEqual({ value: 1000, source: 'given' });
    expect(fit.parameters.rate.value).toBeCloseTo(0.3, 9);
    expect(fit.parameters.midpoint.value).toBeCloseTo(2015, 8);
    expect(fit.goodness.k).toBe(2);
  });

  it('fitForecast(logistic) projects towards the saturation', () => {
    const fit = fitOk(seriesOf(2000, 16, (year, i) => logistic(800, 0.35, 2007)(year) * (1 + NOISE[i])), { method: 'logistic' });
    const band = fit.project(years(2100));
    expect(band.point[0]).toBeCloseTo(fit.parameters.saturation.value, 6);
    expect(band.lower[0]).toBeLessThan(band.point[0]);
  });

  it('fitForecast(logistic) of an exponential history is no-saturation', () => {
    const result = fitForecast(seriesOf(2000, 20, (year) => Math.exp(0.1 * (year - 2000))), { method: 'logistic' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe('no-saturation');
  });
});
