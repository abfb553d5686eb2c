import { checkPositive, checkSeries } from './checkSeries.js';
import { missingCovariate, type ForecastFailure } from './forecastProblems.js';
import type { Series } from './forecastTypes.js';

/**
 * The covariate of a regression by year, checked once: finite values (positive where the form
 * takes its logarithm or a ratio of it), one for every history year and, when the caller says how
 * far the projection goes (`until`), for every year up to there. Without `until` a missing
 * projection year is found only when it is projected.
 */
export function covariateByYear(
  covariate: Series | undefined,
  history: Series,
  until: number | undefined,
  method: string,
  positive: boolean,
): Map<number, number> | ForecastFailure {
  if (!covariate) return missingCovariate('no covariate given', 'name the driver to regress on (the covariate), with values over the history and projection years');
  const invalid = checkSeries(covariate, 'covariate') ?? (positive ? checkPositive(method, 'covariate values', covariate) : undefined);
  if (invalid) return invalid;
  const byYear = new Map<number, number>();
  covariate.years.forEach((year, i) => byYear.set(year, covariate.values[i]));
  for (const year of history.years) {
    if (!byYear.has(year)) return missingCovariate(`the covariate has no value for ${year}, a history year`, 'give the covariate for every history year');
  }
  const lastYear = history.years[history.years.length - 1];
  for (let year = lastYear + 1; until !== undefined && year <= until; year++) {
    if (!byYear.has(year)) return missingCovariate(`the covariate has no value for ${year}, before the last projected year ${until}`, 'extend the covariate to the end of the projection');
  }
  return byYear;
}
