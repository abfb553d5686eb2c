import type { Normalisation } from './indexMethod.js';

/** The bottom and top of the bounded scales: 1, not 0, so that a geometric mean is defined (as COINr advises). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 100;

/**
 * One indicator's values for every city onto a common scale on which higher is better
 * (OECD/JRC Handbook, step 5; Nardo et al. 2008, Table 3), written into `out`:
 *   min-max:            1 + 99 · (x − min)/(max − min)  (lower is better: (max − x)/(max − min));
 *   z-score:            (x − mean)/s, s the sample standard deviation (negated when lower is better);
 *   distance-to-target: 1 + 99 · clamp((x − worst)/(target − worst), 0, 1), the progress from the
 *                       worst city towards the target (COINr's n_dist2targ), 100 once it is reached;
 *   rank:               the city's rank, 1 for the worst to n for the best (ties share the mean rank).
 * An indicator equal for every city carries no information: min-max gives every city the middle
 * of the scale, z-score 0, rank the mean rank, so it moves no rank under arithmetic aggregation.
 */
export function normaliseColumn(column: Float64Array, higherIsBetter: boolean, target: number | undefined, method: Normalisation, out: Float64Array): void {
  const n = column.length;
  const sign = higherIsBetter ? 1 : -1;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let c = 0; c < n; c++) {
    min = Math.min(min, column[c]);
    max = Math.max(max, column[c]);
    sum += column[c];
  }
  switch (method) {
    case 'min-max': {
      const range = max - min;
      for (let c = 0; c < n; c++) {
        const share = range === 0 ? 0.5 : higherIsBetter ? (column[c] - min) / range : (max - column[c]) / range;
        out[c] = SCALE_MIN + (SCALE_MAX - SCALE_MIN) * share;
      }
      return;
    }
    case 'z-score': {
      const mean = sum / n;
      let squares = 0;
      for (let c = 0; c < n; c++) squares += (column[c] - mean) ** 2;
      const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
      for (let c = 0; c < n; c++) out[c] = sd === 0 ? 0 : (sign * (column[c] - mean)) / sd;
      return;
    }
    case 'distance-to-target': {
      if (target === undefined) throw new Error('distance-to-target needs a target (checked when the index is loaded)');
      const worst = higherIsBetter ? min : max;
      const span = sign * (target - worst);
      for (let c = 0; c < n; c++) {
        const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (sign * (column[c] - worst)) / span));
        out[c] = SCALE_MIN + (SCALE_MAX - SCALE_MIN) * progress;
      }
      return;
    }
    case 'rank':
      for (let c = 0; c < n; c++) {
        let below = 0;
        let tied = 0;
        for (let other = 0; other < n; other++) {
          const difference = sign * (column[c] - column[other]);
          if (difference > 0) below++;
          else if (difference === 0) tied++;
        }
        out[c] = below + (tied + 1) / 2;
      }
  }
}
