import { OptionsError } from '../errors.js';
import { studentTQuantile } from '../numeric/studentT.js';
import type { ForecastBand, ForecastFit } from './forecastTypes.js';

/**
 * Every method's forecast for a year after the last observed one is a location-scale
 * distribution in the space the method fits in: Student's t with `degreesOfFreedom` (∞: normal),
 * centre c and scale s, so its p-quantile is c + s·t_ν(p). Log-space methods fit ln y and return
 * exp of that: the quantiles transform exactly, exp(c) is the median of y, not its mean
 * (which is higher by about exp(s²/2)). Observed years keep their observed values: the method
 * only ever supplies the years after the last observation.
 */
export interface Predictive {
  locate(year: number): { readonly centre: number; readonly scale: number };
  readonly degreesOfFreedom: number;
  readonly logSpace: boolean;
}

export type FitParts = Omit<ForecastFit, 'project' | 'quantile' | 'interval'> & {
  readonly level: number;
  readonly intervalMethod: string;
  readonly predictive: Predictive;
};

export function makeForecastFit(parts: FitParts): ForecastFit {
  const { level, intervalMethod, predictive, ...described } = parts;
  const { years: observedYears, values: observedValues } = parts.history;
  const lastYear = observedYears[observedYears.length - 1];
  const observedIndex = new Map<number, number>();
  for (let i = 0; i < observedYears.length; i++) observedIndex.set(observedYears[i], i);

  /** For each year: write the quantiles at the given standard deviates (t_ν(p) for each p). */
  function fill(years: Float64Array, deviates: readonly number[], outputs: readonly Float64Array[]): void {
    for (let i = 0; i < years.length; i++) {
      const year = years[i];
      const observed = observedIndex.get(year);
      if (observed !== undefined) {
        for (const output of outputs) output[i] = observedValues[observed];
        continue;
      }
      if (!(Number.isInteger(year) && year > lastYear)) {
        throw new OptionsError('years', `must be observed years or whole years after the last observed year ${lastYear} (got ${year})`);
      }
      const { centre, scale } = predictive.locate(year);
      for (let q = 0; q < outputs.length; q++) {
        const value = centre + scale * deviates[q];
        outputs[q][i] = predictive.logSpace ? Math.exp(value) : value;
      }
    }
  }

  return {
    ...described,
    interval: { level, method: intervalMethod },
    project(years: Float64Array): ForecastBand {
      const band = { point: new Float64Array(years.length), lower: new Float64Array(years.length), upper: new Float64Array(years.length) };
      const { degreesOfFreedom } = predictive;
      // The same deviates quantile() uses, so quantile((1 − level)/2) is the lower bound to the bit.
      fill(years, [0, studentTQuantile((1 - level) / 2, degreesOfFreedom), studentTQuantile((1 + level) / 2, degreesOfFreedom)], [band.point, band.lower, band.upper]);
      return band;
    },
    quantile(years: Float64Array, p: number): Float64Array {
      if (!(p > 0 && p < 1)) throw new OptionsError('p', `must be a probability strictly between 0 and 1 (got ${p})`);
      const values = new Float64Array(years.length);
      fill(years, [studentTQuantile(p, predictive.degreesOfFreedom)], [values]);
      return values;
    },
  };
}
