import { OptionsError } from '../../engine/errors.js';
import type { RunSeries } from './runSeries.js';

/** Runs drawn in one chart share a time axis: the same years, and at least one run. */
export function checkSameYears(solutions: readonly RunSeries[]): readonly number[] {
  if (solutions.length === 0) throw new OptionsError('solutions', 'must hold at least one run');
  const years = solutions[0].years;
  solutions.forEach((solution, i) => {
    if (solution.years.length !== years.length || solution.years[0] !== years[0]) {
      throw new OptionsError(`solutions[${i}]`, `must cover the same years as the first run (${years[0]}–${years[years.length - 1]})`);
    }
  });
  return years;
}
