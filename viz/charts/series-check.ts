import { OptionsError } from '../../engine/errors.js';

/** Every series of a time chart has one value per year. */
export function checkSeriesLength(option: string, values: ArrayLike<number>, years: readonly number[]): void {
  if (values.length !== years.length) {
    throw new OptionsError(option, `must have one value per year (${years.length}, got ${values.length})`);
  }
}

export function checkYears(years: readonly number[]): void {
  if (years.length < 2 || years.some((year, i) => !Number.isInteger(year) || (i > 0 && year <= years[i - 1]))) {
    throw new OptionsError('years', 'must be at least two increasing integers');
  }
}
