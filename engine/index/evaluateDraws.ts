import type { BatchOutcome, BatchTask } from '../sweep/pool/batch.js';
import { computeIndex } from './computeIndex.js';
import { decodeDraw, type DrawSetup } from './uncertaintyFactors.js';

/** Output columns of one draw: every city's rank, then every city's relative score. */
export function drawColumns(cities: number): number {
  return 2 * cities;
}

/**
 * Evaluates rows [task.from, task.to) of the design: per row the index under that draw, recorded
 * as each city's rank (1 best) and relative score, (s − min)/(max − min) over the cities of that
 * draw (0.5 for all when they tie). Scores on their own scale would differ by normalisation
 * (1–100, z-units, ranks) and make the normalisation look influential for no reason of
 * substance; the relative score keeps what the draw says about the cities. In-process and in the
 * worker threads alike.
 */
export function evaluateDraws(setup: DrawSetup, task: BatchTask): BatchOutcome {
  const rows = task.to - task.from;
  const cities = setup.data.cities.length;
  const width = setup.factors.length;
  const columns = drawColumns(cities);
  const outputs = new Float64Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const { method, draw } = decodeDraw(setup, task.inputs, row * width);
    const result = computeIndex(setup.data, method, draw);
    let low = Infinity;
    let high = -Infinity;
    for (let c = 0; c < cities; c++) {
      low = Math.min(low, result.scores[c]);
      high = Math.max(high, result.scores[c]);
    }
    const base = row * columns;
    for (let c = 0; c < cities; c++) {
      outputs[base + c] = result.ranks[c];
      outputs[base + cities + c] = high > low ? (result.scores[c] - low) / (high - low) : 0.5;
    }
  }
  return { outputs, status: new Uint8Array(rows), messages: new Array<string | null>(rows).fill(null) };
}
