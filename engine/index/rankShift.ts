/**
 * The mean absolute shift of each city's rank from its rank under the chosen method, over the
 * draws: Σ_r P(rank r) · |r − base|, and its mean over the cities, the "average shift in ranks"
 * R̄_S of Saisana, Saltelli & Tarantola (2005), which summarises in one number how much the
 * choices move the ranking.
 */
export function meanRankShift(rankProbability: Float64Array, baseRanks: Float64Array): { perCity: Float64Array; average: number } {
  const cities = baseRanks.length;
  const perCity = new Float64Array(cities);
  for (let c = 0; c < cities; c++) {
    for (let r = 0; r < cities; r++) perCity[c] += rankProbability[c * cities + r] * Math.abs(r + 1 - baseRanks[c]);
  }
  return { perCity, average: perCity.reduce((sum, shift) => sum + shift, 0) / cities };
}
