import { itemLabels } from '../../engine/compile/dimensionIndex.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { csvLine } from './csv.js';

/**
 * Stocks by cohort (a run with `--cohorts`) as a tidy CSV: year, stock, cohort, one column per
 * dimension of the model, value. Cohorts that are empty in a year (not born yet) are left out.
 */
export function cohortCsv(solution: Solution): string | undefined {
  const stocks = solution.stocks.filter((stock) => stock.byCohort && stock.cohortYears);
  if (stocks.length === 0) return undefined;
  const dimensionNames = solution.dimensions.map((d) => d.name);
  let text = csvLine(['year', 'stock', 'cohort', ...dimensionNames, 'value']);
  for (const stock of stocks) {
    const positions = stock.dims.map((name) => dimensionNames.indexOf(name));
    const labels = itemLabels(positions.map((_, i) => i), positions.map((p) => solution.dimensions[p].items));
    const size = labels.length;
    const cohorts = stock.cohortYears!;
    solution.years.forEach((year, t) => {
      cohorts.forEach((cohort, c) => {
        if (cohort > year) return;
        for (let k = 0; k < size; k++) {
          const items = dimensionNames.map((_, d) => (positions.indexOf(d) < 0 ? '' : labels[k][positions.indexOf(d)]));
          text += csvLine([year, stock.name, cohort, ...items, stock.byCohort![(t * cohorts.length + c) * size + k]]);
        }
      });
    });
  }
  return text;
}
