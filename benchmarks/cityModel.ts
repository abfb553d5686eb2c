import { fileURLToPath } from 'node:url';
import { compile } from '../engine/compile/compileModel.js';
import { loadModel } from '../engine/definition/loadModelFile.js';
import { run } from '../engine/simulate/run.js';
import { formatTable, measure } from './measure.js';
import { repoPath } from './repoPath.js';

const referenceCity = repoPath('models/reference-city/model.yaml');

/**
 * The reference city model (models/reference-city): load + compile once, then run many times, as a
 * sweep would. Reports µs per run for the base model and per scenario, with a new Solution every
 * run and with `reuseOutputs` (what the sweep workers do).
 */
export function benchReferenceCity(): { header: string[]; rows: string[][] } {
  const loadStarted = process.hrtime.bigint();
  const definition = loadModel(referenceCity);
  const model = compile(definition);
  const compileMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;
  const counts = `${model.processes.length} processes, ${model.flows.length} flows, ${model.stocks.length} stocks, ${model.horizon} years, ${model.itemCounts.join('×') || 1} items`;
  const rows: string[][] = [['load + compile', counts, `${compileMs.toFixed(0)} ms`, '', '']];
  for (const scenario of [undefined, ...model.scenarios.keys()]) {
    const fresh = measure(() => run(model, { scenario }).flows.length);
    const reused = measure(() => run(model, { scenario, reuseOutputs: true }).flows.length);
    rows.push([`run (${scenario ?? 'base'})`, counts, `${fresh.microsecondsPerCall.toFixed(0)} µs`, `${reused.microsecondsPerCall.toFixed(0)} µs`, '< 1000 µs']);
  }
  return { header: ['reference city model', 'size', 'per run (new solution)', 'per run (reused outputs, as in sweeps)', 'target'], rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { header, rows } = benchReferenceCity();
  console.log(formatTable(header, rows));
}
