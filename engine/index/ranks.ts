/**
 * Ranks of scores, 1 for the highest: one more than the number of strictly higher scores
 * (competition ranking, "1 2 2 4"), so every rank is an integer and tied cities share the better
 * rank. NaN scores (a dimension with no indicator kept) get NaN.
 */
export function competitionRanks(scores: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = scores.length;
  for (let c = 0; c < n; c++) {
    if (Number.isNaN(scores[c])) {
      out[c] = NaN;
      continue;
    }
    let higher = 0;
    for (let other = 0; other < n; other++) if (scores[other] > scores[c]) higher++;
    out[c] = 1 + higher;
  }
  return out;
}
