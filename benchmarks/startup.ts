/**
 * `npm run bench:startup`: wall time of CLI commands in a new process, as a user waits for them,
 * against `node -e 0` in the same run (the floor no command can go below). Like hyperfine: each
 * command is run a few times first, then the commands take turns, so that a neighbour's load
 * weighs on all of them alike; the median and the spread of the timed runs are reported.
 * Run compiled (dist/benchmarks/startup.js), as the CLI runs. Timings are reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { formatTable } from './measure.js';
import { repoPath } from './repoPath.js';

const cli = repoPath('dist/cli/main.js');
const singapore = repoPath('models/singapore/model.yaml');

const COMMANDS: readonly (readonly [name: string, args: readonly string[]])[] = [
  ['node -e 0', ['-e', '0']],
  ['metabolis --help', [cli, '--help']],
  ['metabolis validate (Singapore)', [cli, 'validate', singapore]],
];

const WARM_UP = 2;
const RUNS = Number(process.argv[2] ?? 15);

function seconds(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.toString()}`);
  return elapsed;
}

/** Times per command, in seconds, over RUNS rounds in which every command runs once. */
export function startupTimes(): number[][] {
  for (const [, args] of COMMANDS) for (let i = 0; i < WARM_UP; i++) seconds(args);
  const times = COMMANDS.map(() => [] as number[]);
  for (let round = 0; round < RUNS; round++) COMMANDS.forEach(([, args], c) => times[c].push(seconds(args)));
  return times.map((list) => list.sort((a, b) => a - b));
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.round(q * (sorted.length - 1))];

const times = startupTimes();
const floor = quantile(times[0], 0.5);
const rows = COMMANDS.map(([name], c) => {
  const median = quantile(times[c], 0.5);
  return [name, `${median.toFixed(3)} s`, `${quantile(times[c], 0.1).toFixed(3)}–${quantile(times[c], 0.9).toFixed(3)} s`, `${(median / floor).toFixed(1)}×`];
});
console.log(`Start-up, wall time of a new process, ${RUNS} runs each, interleaved\n${formatTable(['command', 'median', '10th–90th percentile', 'against node -e 0'], rows)}\n`);
