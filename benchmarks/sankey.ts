import { fileURLToPath } from 'node:url';
import { sankeySvg, svgToPng, type SankeyInput } from '../viz/index.js';
import { formatTable, measure } from './measure.js';

/**
 * A network like a detailed city model: `nodes` processes in columns of eight, each sending two
 * flows of five materials to the next column, some flows back to earlier columns (recycling
 * loops), some to the boundary, and a stock wherever a process keeps what it does not pass on.
 * A fixed linear congruential sequence makes the network the same on every run.
 */
export function benchmarkSankeyInput(nodes = 50): SankeyInput {
  let state = 3;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const items = ['food', 'paper', 'plastic', 'metal', 'glass'];
  const processes = Array.from({ length: nodes }, (_, i) => ({ name: `p${i}`, label: `Process ${i}`, stage: Math.floor(i / 8) }));
  const flows: SankeyInput['flows'][number][] = [];
  const net = new Float64Array(nodes);
  const add = (from: string, to: string, label?: string) => {
    const value = Object.fromEntries(items.map((item) => [item, Math.round(next() * 100) + 1]));
    const total = Object.values(value).reduce((a, b) => a + b, 0);
    if (from !== 'outside') net[Number(from.slice(1))] -= total;
    if (to !== 'outside') net[Number(to.slice(1))] += total;
    flows.push({ from, to, value, label });
  };
  for (let i = 0; i < 8; i++) add('outside', `p${i}`, 'Imports');
  for (let i = 0; i < nodes; i++) {
    const stage = Math.floor(i / 8);
    for (let k = 0; k < 2; k++) {
      const target = (stage + 1) * 8 + Math.floor(next() * 8);
      if (target < nodes) add(`p${i}`, `p${target}`);
    }
    if (stage > 0 && next() < 0.12) add(`p${i}`, `p${Math.floor(next() * stage * 8)}`);
    if (next() < 0.2) add(`p${i}`, 'outside', next() < 0.5 ? 'Exports' : 'Emissions');
  }
  const stocks = processes.map((process, i) => ({ process: process.name, change: net[i], level: 1000 })).filter((stock) => stock.change !== 0);
  return { title: `Benchmark: ${nodes} processes with loops`, unit: 't', period: { year: 2030 }, processes, flows, stocks, dimension: { name: 'Material', items } };
}

/** Milliseconds to lay out and draw the Sankey to SVG, and to rasterise that SVG to PNG. */
export function benchSankey(): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  for (const nodes of [10, 50]) {
    const input = benchmarkSankeyInput(nodes);
    const svg = measure(() => sankeySvg(input).svg.length, { rounds: 3, roundMilliseconds: 1000 });
    const drawn = sankeySvg(input);
    for (const dpi of [96, 300]) {
      const png = measure(() => svgToPng(drawn.svg, { dpi }).png.length, { rounds: 3, roundMilliseconds: 1000 });
      rows.push([
        String(nodes),
        String(input.flows.length),
        String(drawn.backwardFlows.length),
        `${(svg.microsecondsPerCall / 1000).toFixed(0)} ms`,
        `${dpi} dpi: ${(png.microsecondsPerCall / 1000).toFixed(0)} ms`,
        `${((svg.microsecondsPerCall + png.microsecondsPerCall) / 1000).toFixed(0)} ms`,
      ]);
    }
  }
  return { header: ['processes', 'flows', 'loops', 'SVG', 'PNG', 'SVG + PNG (target < 200 ms at 50)'], rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { header, rows } = benchSankey();
  console.log(formatTable(header, rows));
}
