import type { IndexData } from './indexData.js';
import type { IndexMethod } from './indexMethod.js';
import { computeIndex, type IndexResult } from './computeIndex.js';

/** Two cities whose order the aggregation decides: `ahead` leads under the arithmetic mean, `behind` under the geometric. */
export interface RankReversal {
  readonly ahead: number;
  readonly behind: number;
}

export interface Compensation {
  readonly arithmetic: IndexResult;
  readonly geometric: IndexResult;
  /** Pairs of cities (indices) whose order differs between the two means. */
  readonly reversals: readonly RankReversal[];
}

/**
 * The index under both aggregations, all else as `method`: where the arithmetic mean ranks a city
 * with one strong and one weak indicator above a city with two middling ones, the geometric mean,
 * which compensates less, may rank them the other way round (Nardo et al. 2008, §6.1). Undefined
 * for z-scores, whose geometric mean is undefined.
 */
export function compensation(data: IndexData, method: IndexMethod): Compensation | undefined {
  if (method.normalisation === 'z-score') return undefined;
  const arithmetic = computeIndex(data, { ...method, aggregation: 'arithmetic' });
  const geometric = computeIndex(data, { ...method, aggregation: 'geometric' });
  const reversals: RankReversal[] = [];
  const n = data.cities.length;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (arithmetic.scores[a] > arithmetic.scores[b] && geometric.scores[b] > geometric.scores[a]) reversals.push({ ahead: a, behind: b });
    }
  }
  return { arithmetic, geometric, reversals };
}
