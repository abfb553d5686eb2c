import { findPeak } from '../../analysis/peaks.js';
import { peakStatusCode } from '../peakStatus.js';
import type { Solution } from '../../simulate/solution.js';
import type { OutputBinding } from '../spec/resolveSweep.js';

/**
 * Writes a solution's recorded outputs into one row of output columns, in the order of
 * resolveSweep's columns: per-year values, then the peak's year, value and status, then the
 * total. A series summed over the selected items is built once per output in a reused buffer.
 *
 * Peaks follow analysis/peaks.ts within the output's years. The year and value are those of the
 * largest value; the status (peakStatus.ts) says whether that is a peak or lies at an end of the
 * years, censored: a series still rising at the end has its last year and value (a lower bound),
 * one falling from the start its first. A flat series has its value and no year (NaN), an
 * all-zero series no year and a value of 0. Non-finite values become NaN (a missing value for
 * every reader) and the first one is reported, so the run is recorded as 'non-finite' with that
 * message.
 */
export interface OutputExtractor {
  /** Returns a message naming the first non-finite value, or undefined. */
  extract(solution: Solution, out: Float64Array, offset: number): string | undefined;
}

export function outputExtractor(outputs: readonly OutputBinding[], years: ArrayLike<number>): OutputExtractor {
  const horizon = years.length;
  const series = new Float64Array(horizon);
  const windows = outputs.map((output) => Array.from({ length: output.last - output.first + 1 }, (_, t) => years[output.first + t]));
  return {
    extract(solution, out, offset) {
      let problem: string | undefined;
      let column = offset;
      outputs.forEach((output, o) => {
        const values = seriesOf(solution, output);
        const { first, last, size, items } = output;
        for (let t = first; t <= last; t++) {
          let sum = 0;
          if (items === null) for (let k = 0; k < size; k++) sum += values[t * size + k];
          else for (let i = 0; i < items.length; i++) sum += values[t * size + items[i]];
          if (!Number.isFinite(sum)) {
            problem ??= `output ${output.name} is ${sum} in ${years[t]}`;
            sum = NaN;
          }
          series[t] = sum;
        }
        for (const record of output.record) {
          if (record === 'series') {
            for (let t = first; t <= last; t++) out[column++] = series[t];
          } else if (record === 'peak') {
            const peak = findPeak(series, windows[o], first);
            const dated = peak.status === 'peak' || peak.status === 'rising' || peak.status === 'falling';
            out[column++] = dated ? peak.year : NaN;
            out[column++] = dated || peak.status === 'flat' ? peak.value : peak.status === 'zero' ? 0 : NaN;
            out[column++] = peakStatusCode(peak);
          } else {
            let total = 0;
            for (let t = first; t <= last; t++) total += series[t];
            out[column++] = total;
          }
        }
      });
      return problem;
    },
  };
}

function seriesOf(solution: Solution, output: OutputBinding): Float64Array {
  switch (output.series) {
    case 'flow':
      return solution.flows[output.index].values;
    case 'level':
      return solution.stocks[output.index].stock;
    case 'inflow':
      return solution.stocks[output.index].inflow;
    case 'outflow':
      return solution.stocks[output.index].outflow;
    case 'derived':
      return solution.derived[output.index].values;
  }
}
