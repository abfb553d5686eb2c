import { checkInteger } from '../sweep/design/design.js';
import { saltelliDesign, saltelliRunsPerBase } from '../sweep/design/saltelli.js';
import { sobolIndices, type SobolIndices } from '../sweep/estimators/sobolIndices.js';
import { batchTasks } from '../sweep/pool/batchTasks.js';
import { runBatches } from '../sweep/pool/runBatches.js';
import { drawColumns, evaluateDraws } from './evaluateDraws.js';
import type { IndexData } from './indexData.js';
import type { IndexMethod } from './indexMethod.js';
import type { UncertaintySettings } from './indexSpec.js';
import { drawSetup, type IndexFactor } from './uncertaintyFactors.js';

export interface UncertaintyOptions {
  /** Worker threads (default 1: in this thread; the draws are cheap, threads pay from about 10^5 runs). */
  readonly threads?: number;
  /** Design rows per batch handed to a worker (default 512). */
  readonly batchSize?: number;
}

/** Per city, what the draws say of its rank; arrays are per city unless said otherwise. */
export interface RankUncertainty {
  readonly factors: readonly IndexFactor[];
  /** Runs of the design: N × (factors + 2). */
  readonly runs: number;
  /** Draws the distributions are estimated from: the 2N rows of A and B. */
  readonly draws: number;
  readonly medianRank: Float64Array;
  readonly meanRank: Float64Array;
  readonly rankP05: Float64Array;
  readonly rankP95: Float64Array;
  /** probability[city · cities + (rank − 1)]. */
  readonly rankProbability: Float64Array;
  /** Outputs 0 … C − 1: each city's rank; C … 2C − 1: its relative score (see evaluateDraws). */
  readonly sobol: SobolIndices;
}

/**
 * Uncertainty and sensitivity of the ranks (Saisana, Saltelli & Tarantola 2005; OECD/JRC
 * Handbook, step 7): a Saltelli design over the choices (uncertaintyFactors.ts), the index
 * computed for every run, in this thread or on the sweep pool, then each city's rank
 * distribution — the probability of every rank, its mean, median and 5 and 95 % percentiles — from
 * the rows of A and B (2N independent-coordinate draws of a scrambled Sobol' sequence), and
 * the Sobol' first-order and total indices of each city's rank and relative score to each choice
 * (Saltelli 2010 and Jansen estimators, bootstrap intervals). Every row depends on (seed, row)
 * alone: the numbers are bit-identical for any thread count or batch size.
 */
export async function rankUncertainty(data: IndexData, method: IndexMethod, settings: UncertaintySettings, options: UncertaintyOptions = {}): Promise<RankUncertainty> {
  const threads = checkInteger('threads', options.threads ?? 1, 1);
  const batchSize = checkInteger('batchSize', options.batchSize ?? 512, 1);
  const setup = drawSetup(data, method, settings);
  const d = setup.factors.length;
  const design = saltelliDesign({ factors: d, baseSize: settings.samples, secondOrder: false, seed: settings.seed });
  const cities = data.cities.length;
  const columns = drawColumns(cities);
  const outputs = new Float64Array(design.size * columns);
  const job = { factors: setup.factors, fillInputs: (from: number, to: number, out: Float64Array) => design.fill(from, to, out) };
  const tasks = batchTasks(job, [{ from: 0, to: design.size }], batchSize);
  if (threads === 1) {
    for (const task of tasks) outputs.set(evaluateDraws(setup, task).outputs, task.from * columns);
  } else {
    const worker = { file: new URL('./uncertaintyWorker.js', import.meta.url), data: setup };
    await runBatches(worker, tasks, columns, (result) => outputs.set(result.outputs, result.from * columns), { threads });
  }

  const step = saltelliRunsPerBase(d, false);
  const draws = 2 * settings.samples;
  const medianRank = new Float64Array(cities);
  const meanRank = new Float64Array(cities);
  const rankP05 = new Float64Array(cities);
  const rankP95 = new Float64Array(cities);
  const rankProbability = new Float64Array(cities * cities);
  for (let c = 0; c < cities; c++) {
    let sum = 0;
    for (let j = 0; j < settings.samples; j++) {
      for (const run of [j * step, j * step + step - 1]) {
        const rank = outputs[run * columns + c];
        rankProbability[c * cities + rank - 1]++;
        sum += rank;
      }
    }
    for (let r = 0; r < cities; r++) rankProbability[c * cities + r] /= draws;
    meanRank[c] = sum / draws;
    const probabilities = rankProbability.subarray(c * cities, (c + 1) * cities);
    medianRank[c] = rankPercentile(probabilities, 0.5);
    rankP05[c] = rankPercentile(probabilities, 0.05);
    rankP95[c] = rankPercentile(probabilities, 0.95);
  }
  const sobol = sobolIndices(outputs, { factors: d, outputs: columns, secondOrder: false, resamples: settings.resamples, seed: settings.seed });
  return { factors: setup.factors, runs: design.size, draws, medianRank, meanRank, rankP05, rankP95, rankProbability, sobol };
}

/**
 * The smallest rank whose cumulative share of draws reaches p (the inverse of the empirical
 * distribution function, Hyndman & Fan's type 1): ranks are integers, and so are their
 * percentiles. A relative tolerance keeps a share that sums to exactly p in floating point.
 */
function rankPercentile(probabilities: Float64Array, p: number): number {
  let cumulative = 0;
  for (let r = 0; r < probabilities.length; r++) {
    cumulative += probabilities[r];
    if (cumulative >= p * (1 - 1e-12)) return r + 1;
  }
  return probabilities.length;
}
