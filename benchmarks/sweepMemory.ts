/**
 * `npm run bench:memory [-- <runs> <figure>]`: the resident memory of a long Monte Carlo sweep of
 * the reference city (test/fixtures/sweeps/reference-city-sweep.yaml, written to Parquet in a
 * temporary folder, every core), run as `metabolis sweep` runs it (on a thread of its own, which
 * starts the pool), traced every second: the process's RSS, all threads together, and the runs done. Prints the trace at every tenth, the peak, and the lowest and highest RSS
 * after the first tenth (the warm-up: workers start, heaps grow to their working size); with a
 * figure path (no extension), also writes the trace as <figure>.csv and draws it to .svg and .png.
 * Default: 10^6 runs. Timings and sizes are reported, never asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SweepProgress } from '../cli/sweep/executeSweep.js';
import { startSweepThread } from '../cli/sweep/sweepOnThread.js';
import { formatTable } from './measure.js';
import { repoPath } from './repoPath.js';

/** Seconds between two points of the trace. */
const STEP = 1;
const MIB = 2 ** 20;

interface TracePoint {
  readonly runs: number;
  readonly seconds: number;
  readonly rssMiB: number;
}

async function traceSweep(runs: number): Promise<{ trace: TracePoint[]; peakMiB: number; columns: number }> {
  const out = mkdtempSync(join(tmpdir(), 'metabolis-bench-memory-'));
  try {
    const started = performance.now();
    const trace: TracePoint[] = [];
    let peak = 0;
    let done = 0;
    const record = () => trace.push({ runs: done, seconds: (performance.now() - started) / 1000, rssMiB: process.memoryUsage.rss() / MIB });
    record();
    const peakSampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
    const tracer = setInterval(record, STEP * 1000);
    const flags = { sampler: 'monte-carlo', n: String(runs), out, threads: String(availableParallelism()), batchSize: '16', dataRoot: [repoPath('models')] };
    let errors = '';
    const output = { progress: (progress: SweepProgress) => (done = progress.done), progressDone: () => undefined, stdout: () => undefined, stderr: (text: string) => (errors += text) };
    const code = await startSweepThread(repoPath('test/fixtures/sweeps/reference-city-sweep.yaml'), flags, output).exitCode;
    if (code !== 0) throw new Error(`the sweep ended with exit code ${code}: ${errors}`);
    const columns = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { columns: unknown[] }).columns.length;
    clearInterval(peakSampler);
    clearInterval(tracer);
    record();
    peak = Math.max(peak, ...trace.map((point) => point.rssMiB * MIB));
    return { trace, peakMiB: peak / MIB, columns };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const runs = Number(process.argv[2] ?? 1_000_000);
const figure = process.argv[3];
const { trace, peakMiB, columns } = await traceSweep(runs);
const rows: string[][] = [];
for (let tenth = 1; tenth <= 10; tenth++) {
  const point = trace.find((entry) => entry.runs >= (tenth * runs) / 10) ?? trace[trace.length - 1];
  rows.push([`${tenth * 10}%`, String(point.runs), `${point.rssMiB.toFixed(0)} MiB`, `${point.seconds.toFixed(0)} s`]);
}
const warm = trace.filter((point) => point.runs >= runs / 10).map((point) => point.rssMiB);
rows.push(['after the first tenth', '', `${Math.min(...warm).toFixed(0)}–${Math.max(...warm).toFixed(0)} MiB`, '']);
rows.push(['peak (sampled every 0.1 s)', '', `${peakMiB.toFixed(0)} MiB`, `${trace[trace.length - 1].seconds.toFixed(0)} s`]);
// The kernel's high-water mark catches what falls between two samples (start-up included).
rows.push(['peak (the kernel\'s maximum resident size)', '', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`, '']);
console.log(`Memory of a ${runs.toLocaleString('en')}-run sweep (reference city, ${columns} columns, ${availableParallelism()} threads, Parquet)\n${formatTable(['progress', 'runs', 'resident', 'elapsed'], rows)}\n`);

if (figure !== undefined) {
  // Loaded only now: the figure's renderer is no part of what a sweep holds.
  const { svgToPng, timeSeriesSvg } = await import('../viz/index.js');
  writeFileSync(`${figure}.csv`, `runs,seconds,rss_mib\n${trace.map((point) => `${point.runs},${point.seconds.toFixed(2)},${point.rssMiB.toFixed(1)}`).join('\n')}\n`);
  // The chart's x axis takes increasing integers: one point per whole second.
  const points = trace.filter((point, i) => i === 0 || Math.round(point.seconds) > Math.round(trace[i - 1].seconds));
  const { svg } = timeSeriesSvg(
    {
      title: `Resident memory of a ${runs.toLocaleString('en')}-run sweep`,
      quantity: 'Resident memory',
      unit: 'MiB',
      years: points.map((point) => Math.round(point.seconds)),
      series: [{ label: `reference city, ${availableParallelism()} threads`, values: points.map((point) => point.rssMiB) }],
      xAxis: 'Time since the sweep started (s)',
    },
    { width: 'double' },
  );
  writeFileSync(`${figure}.svg`, svg);
  writeFileSync(`${figure}.png`, svgToPng(svg, { dpi: 150 }).png);
  console.log(`wrote ${figure}.csv, ${figure}.svg, ${figure}.png`);
}
