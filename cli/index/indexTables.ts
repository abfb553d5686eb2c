import { meanRankShift, type Compensation, type IndexResult, type IndexSpec, type RankUncertainty } from '../../engine/index/index.js';
import { csvLine } from '../output/csv.js';

/**
 * The tables of `metabolis index`, tidy (one observation per row) so that pandas, R or a
 * spreadsheet read them as they are. One function per file; the command writes what they return.
 */
export function scoresCsv(spec: IndexSpec, result: IndexResult): string {
  const { method } = result;
  let text = csvLine(['city', 'level', 'dimension', 'score', 'rank', 'normalisation', 'aggregation', 'weights']);
  const cities = spec.cities.length;
  spec.cities.forEach((city, c) => {
    text += csvLine([city.id, 'index', '', result.scores[c], result.ranks[c], method.normalisation, method.aggregation, method.weights]);
    spec.dimensions.forEach((dimension, d) => {
      text += csvLine([city.id, 'dimension', dimension.id, result.dimensionScores[d * cities + c], result.dimensionRanks[d * cities + c], method.normalisation, method.aggregation, method.weights]);
    });
  });
  return text;
}

export function indicatorsCsv(spec: IndexSpec, result: IndexResult): string {
  const cities = spec.cities.length;
  let text = csvLine(['city', 'dimension', 'indicator', 'value', 'unit', 'year', 'source', 'imputed', 'normalised', 'weight']);
  spec.indicators.forEach((indicator, i) => {
    spec.cities.forEach((city, c) => {
      const value = indicator.values[c];
      const k = i * cities + c;
      const imputed = !result.kept[i] ? 'dropped' : result.imputed[k] ? (indicator.imputation ?? result.method.imputation) : '';
      text += csvLine([
        city.id,
        spec.dimensions[indicator.dimension].id,
        indicator.id,
        value.kind === 'number' ? value.value : 'NA',
        indicator.unit,
        value.kind === 'number' ? (value.year ?? '') : '',
        value.kind === 'number' ? value.source : '',
        imputed,
        result.kept[i] ? result.normalised[k] : 'NA',
        result.weights[i],
      ]);
    });
  });
  return text;
}

export function compensationCsv(spec: IndexSpec, compensation: Compensation): string {
  let text = csvLine(['city', 'aggregation', 'score', 'rank', 'reversed_with']);
  for (const [aggregation, result] of [['arithmetic', compensation.arithmetic], ['geometric', compensation.geometric]] as const) {
    spec.cities.forEach((city, c) => {
      const partners = compensation.reversals.filter((pair) => pair.ahead === c || pair.behind === c).map((pair) => spec.cities[pair.ahead === c ? pair.behind : pair.ahead].id);
      text += csvLine([city.id, aggregation, result.scores[c], result.ranks[c], partners.join(' ')]);
    });
  }
  return text;
}

export function rankUncertaintyCsv(spec: IndexSpec, result: IndexResult, uncertainty: RankUncertainty): string {
  const shift = meanRankShift(uncertainty.rankProbability, result.ranks).perCity;
  let text = csvLine(['city', 'rank', 'median_rank', 'mean_rank', 'rank_p05', 'rank_p95', 'mean_rank_shift', 'draws']);
  spec.cities.forEach((city, c) => {
    text += csvLine([city.id, result.ranks[c], uncertainty.medianRank[c], uncertainty.meanRank[c], uncertainty.rankP05[c], uncertainty.rankP95[c], shift[c], uncertainty.draws]);
  });
  return text;
}

export function rankProbabilityCsv(spec: IndexSpec, uncertainty: RankUncertainty): string {
  const cities = spec.cities.length;
  let text = csvLine(['city', 'rank', 'probability']);
  spec.cities.forEach((city, c) => {
    for (let r = 0; r < cities; r++) text += csvLine([city.id, r + 1, uncertainty.rankProbability[c * cities + r]]);
  });
  return text;
}

/** Sobol' indices of each city's rank and relative score to each choice, with bootstrap intervals (NaN: the output never changed). */
export function sensitivityCsv(spec: IndexSpec, uncertainty: RankUncertainty): string {
  const { sobol, factors } = uncertainty;
  const cities = spec.cities.length;
  const d = factors.length;
  let text = csvLine(['city', 'output', 'choice', 'first', 'first_low', 'first_high', 'total', 'total_low', 'total_high', 'variance']);
  for (const [offset, output] of [[0, 'rank'], [cities, 'score']] as const) {
    spec.cities.forEach((city, c) => {
      const o = offset + c;
      factors.forEach((factor, f) => {
        const k = o * d + f;
        text += csvLine([city.id, output, factor, sobol.first[k], sobol.firstLow[k], sobol.firstHigh[k], sobol.total[k], sobol.totalLow[k], sobol.totalHigh[k], sobol.variance[o]]);
      });
    });
  }
  return text;
}
