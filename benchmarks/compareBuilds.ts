/**
 * The reference city's run time in this build against another build of metabolis, in one process,
 * rounds taking turns, so that a machine whose speed drifts weighs on both alike:
 *
 *   node dist/benchmarks/compareBuilds.js <other checkout> [scenario] [rounds] [runs per round]
 *
 * `<other checkout>` is a built copy of the repository (e.g. `git worktree add ../base <commit>`,
 * then `npm install && npm run build` there); both load this checkout's model file. Prints µs per run (reused outputs, as in sweeps) per
 * side, median and lowest decile, and whether every series of the two solutions is the same to the bit.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatTable } from './measure.js';
import { repoPath } from './repoPath.js';

interface Side {
  readonly label: string;
  readonly run: () => unknown;
}

async function side(label: string, root: string, scenario: string | undefined): Promise<Side> {
  const load = (path: string) => import(pathToFileURL(resolve(root, 'dist', path)).href);
  const { compile } = await load('engine/compile/compileModel.js');
  const { loadModel } = await load('engine/definition/loadModelFile.js');
  const { run } = await load('engine/simulate/run.js');
  const model = compile(loadModel(repoPath('models/reference-city/model.yaml')));
  return { label, run: () => run(model, { scenario, reuseOutputs: true }) };
}

/** Every Float64Array reachable from a solution, as hexadecimal bytes (so −0 and NaN payloads count). */
function seriesBits(solution: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof Float64Array) found.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex'));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(solution);
  return found;
}

const [other, scenario, roundsText, runsText] = process.argv.slice(2);
if (other === undefined) throw new Error('usage: node dist/benchmarks/compareBuilds.js <other checkout> [scenario] [rounds] [runs per round]');
const rounds = Number(roundsText ?? 20);
const runs = Number(runsText ?? 200);
const sides = [await side('other build', other, scenario), await side('this build', repoPath('.'), scenario)];
const [a, b] = sides.map((s) => seriesBits(s.run()));
const sameBits = a.length > 0 && a.join() === b.join();
for (let i = 0; i < 2000; i++) for (const s of sides) s.run();
const times = sides.map(() => [] as number[]);
for (let round = 0; round < rounds; round++) {
  sides.forEach((s, i) => {
    const started = process.hrtime.bigint();
    for (let r = 0; r < runs; r++) s.run();
    times[i].push(Number(process.hrtime.bigint() - started) / 1e3 / runs);
  });
}
const at = (values: number[], q: number) => [...values].sort((x, y) => x - y)[Math.floor(q * values.length)];
console.log(`reference city, scenario ${scenario ?? 'base'}: ${rounds} rounds of ${runs} runs a side, taking turns; same bits: ${sameBits ? 'yes' : 'NO'} (${a.length} series)`);
console.log(
  formatTable(
    ['build', 'median', 'lowest decile', 'this / other (lowest decile)'],
    sides.map((s, i) => [s.label, `${at(times[i], 0.5).toFixed(0)} µs`, `${at(times[i], 0.1).toFixed(0)} µs`, i === 1 ? (at(times[1], 0.1) / at(times[0], 0.1)).toFixed(2) : '']),
  ),
);
