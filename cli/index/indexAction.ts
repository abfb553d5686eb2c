import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGGREGATIONS, IMPUTATIONS, NORMALISATIONS, WEIGHTINGS, compensation, computeIndex, rankUncertainty, type IndexResult, type IndexSpec, type RankUncertainty } from '../../engine/index/index.js';
import { sobolSizeWarning } from '../../engine/sweep/spec/designWarnings.js';
import { dataFolders } from '../dataRoots.js';
import { UsageError } from '../failure.js';
import { replaceFolder } from '../output/replaceFolder.js';
import { slug } from '../output/slug.js';
import { formatIndexSummary } from './formatIndexSummary.js';
import { dataNotes, writeIndexFigures } from './indexFigures.js';
import { compensationCsv, indicatorsCsv, rankProbabilityCsv, rankUncertaintyCsv, scoresCsv, sensitivityCsv } from './indexTables.js';
import { readIndex } from './readIndex.js';

export interface IndexFlags {
  readonly out?: string;
  readonly normalisation?: string;
  readonly aggregation?: string;
  readonly weights?: string;
  readonly imputation?: string;
  readonly samples?: string;
  readonly seed?: string;
  readonly threads: string;
  readonly uncertainty: boolean;
  readonly overwrite?: boolean;
  readonly dataRoot?: readonly string[];
}

/** `metabolis index <file>`: compute the index, its ranks and their uncertainty; write the tables and figures. */
export async function indexCities(file: string, flags: IndexFlags): Promise<void> {
  const overrides = {
    normalisation: choice('--normalisation', flags.normalisation, NORMALISATIONS),
    aggregation: choice('--aggregation', flags.aggregation, AGGREGATIONS),
    weights: choice('--weights', flags.weights, WEIGHTINGS),
    imputation: choice('--imputation', flags.imputation, IMPUTATIONS),
    samples: integer('--samples', flags.samples, 2),
    seed: integer('--seed', flags.seed, 0),
  };
  const threads = integer('--threads', flags.threads, 1)!;
  const { spec, data } = readIndex(file, overrides, dataFolders(flags));
  const result = computeIndex(data, spec.method);
  const reversals = compensation(data, spec.method);
  const warning = flags.uncertainty ? sobolSizeWarning(spec.uncertainty.samples, 'samples') : undefined;
  if (warning) process.stderr.write(`warning: ${warning}\n`);
  const uncertainty = flags.uncertainty ? await rankUncertainty(data, spec.method, spec.uncertainty, { threads }) : undefined;
  const out = flags.out ?? `results/${slug(spec.name)}`;
  const written = await replaceFolder(out, flags.overwrite === true, async (folder) => {
    const files: [string, string][] = [
      ['scores.csv', scoresCsv(spec, result)],
      ['indicators.csv', indicatorsCsv(spec, result)],
      ...(reversals ? [['compensation.csv', compensationCsv(spec, reversals)] as [string, string]] : []),
      ...(uncertainty
        ? ([
            ['rank_uncertainty.csv', rankUncertaintyCsv(spec, result, uncertainty)],
            ['rank_probability.csv', rankProbabilityCsv(spec, uncertainty)],
            ['sensitivity.csv', sensitivityCsv(spec, uncertainty)],
          ] as [string, string][])
        : []),
      ['summary.json', `${JSON.stringify(indexSummary(spec, result, uncertainty, dataNotes(spec, result)), null, 2)}\n`],
    ];
    for (const [name, text] of files) writeFileSync(join(folder, name), text);
    return [...files.map(([name]) => join(folder, name)), ...(await writeIndexFigures(folder, spec, result, uncertainty, undefined))];
  });
  process.stdout.write(`${formatIndexSummary(spec, result, reversals, uncertainty)}\n\nwrote ${written.join(', ')}\n`);
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got ${value})`);
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) throw new UsageError(`${flag} must be an integer of at least ${min} (got ${value})`);
  return number;
}

/** summary.json: what was computed and how, for readers of the folder (and replaceFolder, which recognises it). */
function indexSummary(spec: IndexSpec, result: IndexResult, uncertainty: RankUncertainty | undefined, notes: string[]) {
  return {
    kind: 'index',
    model: spec.name,
    status: 'success',
    file: spec.file,
    cities: spec.cities.map((city) => city.id),
    method: result.method,
    dropped: spec.indicators.filter((_, i) => !result.kept[i]).map((indicator) => indicator.id),
    notes,
    uncertainty: uncertainty && {
      factors: uncertainty.factors,
      samples: spec.uncertainty.samples,
      seed: spec.uncertainty.seed,
      runs: uncertainty.runs,
      draws: uncertainty.draws,
      normalisations: spec.uncertainty.normalisations,
      aggregations: spec.uncertainty.aggregations,
      imputations: spec.uncertainty.imputations,
      weightSpread: spec.uncertainty.weightSpread,
      values: spec.uncertainty.values,
      bootstrapResamples: spec.uncertainty.resamples,
    },
  };
}
