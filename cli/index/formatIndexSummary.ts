import { meanRankShift, type Compensation, type IndexResult, type IndexSpec, type RankUncertainty } from '../../engine/index/index.js';
import { dataNotes, methodText } from './indexFigures.js';

/** What `metabolis index` prints: the ranking, how sure each rank is, the rank reversals by compensation, what was imputed. */
export function formatIndexSummary(spec: IndexSpec, result: IndexResult, compensation: Compensation | undefined, uncertainty: RankUncertainty | undefined): string {
  const order = spec.cities.map((_, c) => c).sort((a, b) => result.ranks[a] - result.ranks[b] || a - b);
  const width = Math.max(4, ...spec.cities.map((city) => city.label.length));
  const lines = [`${spec.name} — ${methodText(result)}`, `  rank  ${'city'.padEnd(width)}  ${'score'.padStart(8)}${uncertainty ? '  median rank [5–95 %]' : ''}`];
  for (const c of order) {
    const interval = uncertainty ? `  ${format(uncertainty.medianRank[c])} [${format(uncertainty.rankP05[c])}–${format(uncertainty.rankP95[c])}]` : '';
    lines.push(`  ${String(result.ranks[c]).padStart(4)}  ${spec.cities[c].label.padEnd(width)}  ${result.scores[c].toPrecision(4).padStart(8)}${interval}`);
  }
  if (compensation) {
    const pairs = compensation.reversals.map(({ ahead, behind }) => `${spec.cities[ahead].label} ahead of ${spec.cities[behind].label} under the arithmetic mean, behind it under the geometric`);
    lines.push(pairs.length === 0 ? 'compensation: no rank reversal between arithmetic and geometric aggregation' : `rank reversal by compensation: ${pairs.join('; ')}`);
  }
  if (uncertainty) {
    const shift = meanRankShift(uncertainty.rankProbability, result.ranks).average;
    lines.push(`uncertainty: ${uncertainty.draws} draws over ${uncertainty.factors.join(', ')} (${uncertainty.runs} runs for the Sobol' indices); average shift in ranks ${shift.toFixed(2)}`);
  }
  lines.push(...dataNotes(spec, result).map((note) => `note: ${note}`));
  return lines.join('\n');
}

function format(rank: number): string {
  return Number.isInteger(rank) ? String(rank) : rank.toFixed(1);
}
