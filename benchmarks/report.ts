/**
 * The interactive report of the reference city (`metabolis report models/reference-city/model.yaml`):
 *   - writing it: the command as a user runs it (a fresh Node process, start-up included; wall
 *     time, and CPU time, which a busy machine inflates less) and,
 *     in this process once warm, its parts (load, compile and run every scenario; assemble; write);
 *   - the page in headless Chromium (Debian's chromium, see chromium.ts): from navigation to a
 *     drawn page, and a move of the year slider or a switch of scenario, measured inside the
 *     page with performance.now(): the script's redraw with the layout it forces, and the time
 *     until the next frame is painted.
 * `npm run bench` (after the other tables), or `node dist/benchmarks/report.js`. Timings are
 * reported, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modelReportInput } from '../cli/report/reportSources.js';
import { reportAssets } from '../viz/report/assets.js';
import { reportHtml } from '../viz/report/page.js';
import { buildReport } from '../viz/report/report.js';
import { launchChromium } from './chromium.js';
import { formatTable } from './measure.js';
import { repoPath } from './repoPath.js';

const model = repoPath('models/reference-city/model.yaml');
const bin = repoPath('dist/cli/main.js');
const ROUNDS = 5;
const MOVES = 40;

/** Preloaded into the command's process: its CPU time (user and system, µs) on stderr as it exits, which a busy machine does not inflate as it does wall time. */
const CPU_ON_EXIT = `data:text/javascript,process.on('exit', () => process.stderr.write(JSON.stringify(process.cpuUsage())))`;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** Milliseconds of each part of writing the report, in this process. */
function writeInProcess(out: string): { run: number; assemble: number; write: number } {
  const started = performance.now();
  const input = modelReportInput(model, 0.01, { written: 'benchmark' });
  const ran = performance.now();
  const html = reportHtml(buildReport(input), reportAssets());
  const assembled = performance.now();
  writeFileSync(out, html);
  return { run: ran - started, assemble: assembled - ran, write: performance.now() - assembled };
}

/** In the page: redraw times of `MOVES` slider moves and scenario switches, each alone. */
const PAGE_SCRIPT = `(async (moves) => {
  const slider = document.getElementById('sankey-year');
  const radios = [...document.querySelectorAll('input[name="sankey-scenario"]')];
  const years = Number(slider.max) - Number(slider.min) + 1;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const script = [];
  const painted = [];
  for (let k = 0; k < moves; k++) {
    await nextFrame();
    const started = performance.now();
    if (k % 4 === 3) {
      const radio = radios[(k / 4 | 0) % radios.length];
      radio.checked = true;
      radio.dispatchEvent(new Event('change'));
    } else {
      slider.value = String(Number(slider.min) + (k * 7) % years);
      slider.dispatchEvent(new Event('input'));
    }
    document.body.getBoundingClientRect();
    script.push(performance.now() - started);
    await nextFrame();
    painted.push(performance.now() - started);
  }
  return { script, painted };
})`;

export async function benchReport(): Promise<{ header: string[]; rows: string[][] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'metabolis-bench-report-'));
  const out = join(scratch, 'reference-city.html');
  try {
    const command: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, ['--import', CPU_ON_EXIT, bin, 'report', model, '-o', out], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`metabolis report failed: ${result.stderr}`);
      command.push(performance.now() - started);
      const { user, system } = JSON.parse(/\{"user".*\}/.exec(result.stderr)![0]) as { user: number; system: number };
      cpu.push((user + system) / 1000);
    }
    writeInProcess(out);
    const parts = Array.from({ length: ROUNDS }, () => writeInProcess(out));
    const size = statSync(out).size;

    const { context, close } = await launchChromium();
    const loads: number[] = [];
    let moves = { script: [] as number[], painted: [] as number[] };
    for (let round = 0; round < 3; round++) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(pathToFileURL(out).href);
      await page.waitForFunction('window.metabolisReport !== undefined');
      loads.push(performance.now() - started);
      moves = (await page.evaluate(`${PAGE_SCRIPT}(${MOVES})`)) as typeof moves;
      await page.close();
    }
    await close();

    const rows = [
      ['write the report: metabolis report (new process)', ms(median(command)), `target < 3 s; ${(size / 1e6).toFixed(2)} MB`],
      ['  its CPU time (user and system)', ms(median(cpu)), 'start-up included'],
      ['  load, compile and run 4 scenarios (warm)', ms(median(parts.map((part) => part.run))), ''],
      ['  assemble the page (frames, figures, tables)', ms(median(parts.map((part) => part.assemble))), ''],
      ['  write the file', ms(median(parts.map((part) => part.write))), ''],
      ['open in headless Chromium until drawn', ms(median(loads)), 'file:// URL'],
      ['move the slider or switch scenario: script and layout', `${ms(median(moves.script))} (max ${ms(Math.max(...moves.script))})`, `${MOVES} moves, in the page`],
      ['  until the next frame is painted', `${ms(median(moves.painted))} (max ${ms(Math.max(...moves.painted))})`, 'target < 100 ms'],
    ];
    return { header: ['reference city report', 'median', 'note'], rows };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { header, rows } = await benchReport();
  console.log(`Interactive report\n${formatTable(header, rows)}\n`);
}
