import { join } from 'node:path';
import type { IndexResult, IndexSpec, Normalisation, RankUncertainty } from '../../engine/index/index.js';
import { indexScoresSvg, rankIntervalsSvg } from '../../viz/index.js';
import { writeFigure } from '../figures/figureFile.js';
import { formatCount } from '../../viz/figure/quantity.js';

const SCALES: Readonly<Record<Normalisation, string>> = {
  'min-max': 'Score (1–100, higher is better)',
  'z-score': 'Score (standard deviations from the mean of the cities)',
  'distance-to-target': 'Score (1 = furthest city, 100 = target reached)',
  rank: 'Score (mean rank among the cities, higher is better)',
};

/** "min–max · arithmetic mean · nested weights". */
export function methodText(result: IndexResult): string {
  const { normalisation, aggregation, weights } = result.method;
  return `${normalisation.replace('-', '–')} · ${aggregation} mean · ${weights} weights`;
}

/** What the uncertainty analysis drew, in words. */
export function variedText(spec: IndexSpec, uncertainty: RankUncertainty): string {
  const settings = spec.uncertainty;
  return uncertainty.factors
    .map((factor) => {
      if (factor === 'normalisation') return `normalisation (${settings.normalisations.join(', ')})`;
      if (factor === 'aggregation') return `aggregation (${settings.aggregations.join(', ')})`;
      if (factor === 'imputation') return `imputation (${settings.imputations.join(', ')})`;
      if (factor === 'weights') return `weights ±${Math.round(settings.weightSpread * 100)} %`;
      return 'values within their uncertainty';
    })
    .join(', ');
}

/** What the computation imputed and dropped, as sentences for notes and the console. */
export function dataNotes(spec: IndexSpec, result: IndexResult): string[] {
  const cities = spec.cities.length;
  const notes: string[] = [];
  spec.indicators.forEach((indicator, i) => {
    if (!result.kept[i]) {
      notes.push(`${indicator.label} dropped: ${indicator.values.filter((value) => value.kind === 'missing').length} of ${cities} cities have no cited value.`);
      return;
    }
    const imputed = spec.cities.filter((_, c) => result.imputed[i * cities + c] === 1).map((city) => city.label);
    if (imputed.length > 0) notes.push(`${indicator.label}: ${imputed.join(', ')} imputed (${indicator.imputation ?? result.method.imputation} of the others).`);
  });
  spec.dimensions.forEach((dimension, d) => {
    if (!spec.indicators.some((indicator, i) => indicator.dimension === d && result.kept[i])) notes.push(`${dimension.label} not scored: every indicator dropped.`);
  });
  return notes;
}

/** Writes the two figures of an index into `folder` as PNG (and SVG); returns the paths. */
export async function writeIndexFigures(folder: string, spec: IndexSpec, result: IndexResult, uncertainty: RankUncertainty | undefined, dpi: number | undefined): Promise<string[]> {
  const cities = spec.cities.length;
  const source = `Values: ${spec.file}, each with its source and year (see its sources:).`;
  const scores = indexScoresSvg({
    title: spec.name,
    method: methodText(result),
    axis: SCALES[result.method.normalisation],
    cities: spec.cities.map((city) => city.label),
    rows: [
      { label: 'Index', scores: Array.from(result.scores), imputed: spec.cities.map((_, c) => restsOnImputed(spec, result, c, undefined)), overall: true },
      ...spec.dimensions.map((dimension, d) => ({
        label: dimension.label,
        scores: Array.from(result.dimensionScores.subarray(d * cities, (d + 1) * cities)),
        imputed: spec.cities.map((_, c) => restsOnImputed(spec, result, c, d)),
      })),
    ],
    notes: [...dataNotes(spec, result), source],
  });
  const written: string[] = [];
  const write = async (name: string, svg: string) => {
    for (const extension of ['png', 'svg']) {
      const path = join(folder, `${name}.${extension}`);
      await writeFigure(path, svg, dpi);
      written.push(path);
    }
  };
  await write('scores-by-dimension', scores.svg);
  if (uncertainty === undefined) return written;
  const ranks = rankIntervalsSvg({
    title: spec.name,
    varied: variedText(spec, uncertainty),
    draws: uncertainty.draws,
    cities: spec.cities.map((city, c) => ({ name: city.label, rank: result.ranks[c], median: uncertainty.medianRank[c], p05: uncertainty.rankP05[c], p95: uncertainty.rankP95[c] })),
    notes: [`Chosen method: ${methodText(result)}. Saltelli design, N = ${spec.uncertainty.samples}, seed ${spec.uncertainty.seed}; the ranges use the ${formatCount(uncertainty.draws)} draws of its A and B matrices.`, source],
  });
  await write('rank-uncertainty', ranks.svg);
  return written;
}

/** Whether a city's score (of dimension d, or the index when d is undefined) uses a value imputed for it. */
function restsOnImputed(spec: IndexSpec, result: IndexResult, city: number, dimension: number | undefined): boolean {
  const cities = spec.cities.length;
  return spec.indicators.some((indicator, i) => result.kept[i] && (dimension === undefined || indicator.dimension === dimension) && result.imputed[i * cities + city] === 1);
}
