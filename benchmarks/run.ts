/**
 * `npm run bench`: every benchmark of the project, one table each. Not part of the tests: timings
 * depend on the machine, so they are reported (README) and never asserted.
 */
import { availableParallelism, cpus } from 'node:os';
import { benchReferenceCity } from './cityModel.js';
import { benchDynamicStockModel } from './dsm.js';
import { formatTable } from './measure.js';
import { benchFitReferenceCity, benchReconcileModel } from './observations.js';
import { benchReconcile } from './reconcile.js';
import { benchSankey } from './sankey.js';

console.log(`metabolis benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores\n`);
for (const [title, bench] of [
  ['Dynamic stock model (normal lifetime, mean 20, sd 6)', benchDynamicStockModel],
  ['Reference city model', benchReferenceCity],
  ['Sankey diagram', benchSankey],
  ['Data reconciliation, 60 years', benchReconcile],
  ['Reconciling a model with observations, 60 years (metabolis reconcile)', benchReconcileModel],
  ['Fitting parameters of the reference city (metabolis fit)', benchFitReferenceCity],
] as const) {
  const { header, rows } = bench();
  console.log(`${title}\n${formatTable(header, rows)}\n`);
}
