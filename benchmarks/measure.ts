/**
 * Timing helper shared by every benchmark: warm up, then repeat until enough time has passed,
 * and report the median of several rounds (robust to a noisy neighbour on the machine).
 * Every call's result is folded into a checksum so the JIT cannot drop the work.
 */

export interface Measurement {
  /** Median time of one call, in microseconds. */
  readonly microsecondsPerCall: number;
  readonly calls: number;
  /** Sum over the calls' results, printed so that nothing is optimised away. */
  readonly checksum: number;
}

export interface MeasureOptions {
  /** Time to spend per round, in milliseconds (default 200). */
  readonly roundMilliseconds?: number;
  /** Number of rounds whose median is taken (default 5). */
  readonly rounds?: number;
}

export function measure(work: () => number, options: MeasureOptions = {}): Measurement {
  const roundMilliseconds = options.roundMilliseconds ?? 200;
  const rounds = options.rounds ?? 5;
  let checksum = 0;
  let batch = 1;
  // Warm up and size a batch so that one batch takes about a tenth of a round.
  for (;;) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) checksum += work();
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (elapsedMs > roundMilliseconds / 10) break;
    batch *= 2;
  }
  const perCall: number[] = [];
  let calls = 0;
  for (let round = 0; round < rounds; round++) {
    let roundCalls = 0;
    const started = process.hrtime.bigint();
    let elapsedMs = 0;
    while (elapsedMs < roundMilliseconds) {
      for (let i = 0; i < batch; i++) checksum += work();
      roundCalls += batch;
      elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    }
    perCall.push((elapsedMs * 1000) / roundCalls);
    calls += roundCalls;
  }
  perCall.sort((a, b) => a - b);
  return { microsecondsPerCall: perCall[Math.floor(rounds / 2)], calls, checksum };
}

/** A fixed-width text table, as every benchmark prints it. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
