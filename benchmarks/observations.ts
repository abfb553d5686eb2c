/**
 * Observations in models, the code paths of `metabolis reconcile` and `metabolis fit`:
 * - reconcile: a generated model of P processes over 60 years (flows to the next column of eight,
 *   some back, some to the boundary; an inflow-driven stock in every fifth process), three flows
 *   in four observed every year with a 5 % sd (the model's own values with noise), every stock
 *   change unknown; timed from the compiled model and its observations to the reconciled series
 *   (the base run that starts the iteration, the problems built from the model, the kernel);
 * - fit: the reference city with the synthetic observations of
 *   test/fixtures/observations/reference-city (45 values), three parameters fitted from their
 *   base values.
 * A fixed linear congruential sequence makes the networks and the noise the same on every run.
 */
import { pathToFileURL } from 'node:url';
import { fitParameters } from '../engine/calibrate/fitParameters.js';
import { compile } from '../engine/compile/compileModel.js';
import { loadModelFromText } from '../engine/definition/loadModel.js';
import { compileObservations } from '../engine/observations/compileObservations.js';
import { reconcileModel } from '../engine/observations/reconcileModel.js';
import { run } from '../engine/simulate/run.js';
import { formatTable, measure } from './measure.js';
import { observedReferenceCity, REFERENCE_CITY_FIT } from './observedCity.js';

const YEARS = 60;
const SIZES = [10, 50, 100];

/** The model text without observations, and which flows are observed. */
function generatedModel(processes: number): { text: string; observed: string[] } {
  let state = 7;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const flows: string[] = [];
  const observed: string[] = [];
  const flow = (id: string, from: string, to: string, how: string) => {
    flows.push(`  - { id: ${id}, from: ${from}, to: ${to}, ${how} }`);
    if (flows.length % 4 !== 0) observed.push(id);
  };
  for (let i = 0; i < Math.min(8, processes); i++) flow(`in${i}`, 'outside', `p${i}`, `value: "${(50 + 100 * next()).toFixed(1)} * growth"`);
  for (let i = 0; i < processes; i++) {
    const stage = Math.floor(i / 8);
    if (i + 8 < processes) flow(`f${i}a`, `p${i}`, `p${i + 8}`, 'share: 0.4');
    const other = (stage + 1) * 8 + Math.floor(next() * 8);
    if (other < processes && other !== i + 8) flow(`f${i}b`, `p${i}`, `p${other}`, 'share: 0.3');
    if (stage > 0 && next() < 0.12) flow(`f${i}c`, `p${i}`, `p${Math.floor(next() * stage * 8)}`, 'share: 0.1');
    flow(`out${i}`, `p${i}`, 'outside', 'share: rest');
  }
  const stocks = Array.from({ length: processes }, (_, i) => i).filter((i) => i % 5 === 0).map((i) => `  s${i}: { process: p${i}, kind: inflow-driven, lifetime: { exponential: { mean: 4 } } }`);
  const text = `metabolis: 1
name: generated
time: { start: 2000, end: ${2000 + YEARS - 1} }
unit: t
drivers:
  growth: { unit: 1, values: { 2000: 1, ${2000 + YEARS - 1}: 2.2 } }
processes: [${Array.from({ length: processes }, (_, i) => `p${i}`).join(', ')}]
flows:
${flows.join('\n')}
stocks:
${stocks.join('\n')}
`;
  return { text, observed };
}

/** The generated model with its observed flows written as observations: its own values with 5 % noise. */
export function observedModel(processes: number) {
  const { text, observed } = generatedModel(processes);
  const load = (source: string) => compile(loadModelFromText(source, { file: 'generated.yaml', readFile: () => '' }));
  const solution = run(load(text));
  let state = 11;
  const noise = () => (state = (state * 16807) % 2147483647) / 2147483647 - 0.5;
  const lines = observed.map((id) => {
    const values = solution.flows.find((flow) => flow.id === id)!.values;
    const entries = [...values].map((value, t) => `${2000 + t}: ${(value * (1 + 0.1 * noise())).toPrecision(6)}`);
    return `  ${id}_observed: { flow: ${id}, values: { ${entries.join(', ')} }, cv: 0.05 }`;
  });
  const observedText = `${text}observations:\n${lines.join('\n')}\n`;
  const model = load(observedText);
  return { text: observedText, model, observations: compileObservations(model) };
}

/** Milliseconds to reconcile 60 years of a generated model, for a ladder of sizes. */
export function benchReconcileModel(): { header: string[]; rows: string[][] } {
  const header = ['processes', 'flows', 'variables per year', 'ms (60 years)', 'dof', 'passed'];
  const rows = SIZES.map((processes) => {
    const { model, observations } = observedModel(processes);
    const reconcileYears = () => reconcileModel(model, observations, { initial: run(model) });
    const timing = measure(() => reconcileYears().results.reduce((sum, result) => sum + result.globalTest.chiSquare, 0), { roundMilliseconds: 300, rounds: 3 });
    const { system, results } = reconcileYears();
    return [
      String(processes),
      String(model.flows.length),
      String(system.problems[0].problem.variables.length),
      (timing.microsecondsPerCall / 1000).toFixed(0),
      String(results[0].globalTest.degreesOfFreedom),
      `${results.filter((result) => result.globalTest.passed).length}/${results.length}`,
    ];
  });
  return { header, rows };
}

/** Seconds to fit three parameters of the reference city (median of three fits), and the runs each took. */
export function benchFitReferenceCity(): { header: string[]; rows: string[][] } {
  const model = observedReferenceCity();
  const observations = compileObservations(model);
  const seconds: number[] = [];
  let runs = 0;
  let status = '';
  for (let round = 0; round < 3; round++) {
    const started = process.hrtime.bigint();
    const fit = fitParameters(model, observations, { parameters: REFERENCE_CITY_FIT });
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    runs = fit.runs;
    status = fit.status;
  }
  seconds.sort((a, b) => a - b);
  const values = observations.reduce((count, observation) => count + observation.points.t.length, 0);
  return { header: ['fit', 'observed values', 'runs', 'status', 's (median of 3)', 'target'], rows: [[REFERENCE_CITY_FIT.join(', '), String(values), String(runs), status, seconds[1].toFixed(2), '< 10 s']] };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const bench of [benchReconcileModel, benchFitReferenceCity]) {
    const { header, rows } = bench();
    console.log(`${formatTable(header, rows)}\n`);
  }
}
