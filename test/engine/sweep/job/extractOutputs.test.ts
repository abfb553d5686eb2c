import { describe, expect, it } from 'vitest';
import { outputExtractor } from '../../../../engine/sweep/job/extractOutputs.js';
import type { OutputBinding } from '../../../../engine/sweep/spec/resolveSweep.js';
import type { Solution } from '../../../../engine/simulate/solution.js';

const years = [2000, 2001, 2002, 2003];
// One flow over two items, year-major: item 0 rises then falls, item 1 keeps rising.
const flow = Float64Array.of(1, 10, 3, 20, 2, 30, 0, 40);
const solution = { flows: [{ values: flow }], stocks: [] } as unknown as Solution;
const output = (record: OutputBinding['record'], items: Int32Array | null, first = 0, last = 3): OutputBinding => ({ name: 'x', series: 'flow', index: 0, size: 2, items, first, last, record });

function extract(outputs: OutputBinding[], columns: number, source = solution) {
  const out = new Float64Array(columns);
  const problem = outputExtractor(outputs, years).extract(source, out, 0);
  return { values: Array.from(out), problem };
}

describe('outputExtractor', () => {
  it('extract(series, peak, total) sums the selected items per year, finds the peak and adds up the years', () => {
    expect(extract([output(['series', 'peak', 'total'], Int32Array.of(0))], 8).values).toEqual([1, 3, 2, 0, 2001, 3, 0, 6]);
    expect(extract([output(['series'], null)], 4).values).toEqual([11, 23, 32, 40]);
  });

  it('extract(peak) of a series still rising at the end gives its last year and value, status rising (1); of zeros, no year, 0 and status zero (4)', () => {
    expect(extract([output(['peak'], Int32Array.of(1))], 3).values).toEqual([2003, 40, 1]);
    const zeros = { flows: [{ values: new Float64Array(8) }], stocks: [] } as unknown as Solution;
    expect(extract([output(['peak'], null)], 3, zeros).values).toEqual([NaN, 0, 4]);
  });

  it('extract(peak) of a series largest in its first year records it as falling (2), left-censored, not as a peak', () => {
    const falling = { flows: [{ values: Float64Array.of(9, 0, 5, 0, 2, 0, 1, 0) }], stocks: [] } as unknown as Solution;
    expect(extract([output(['peak'], null)], 3, falling).values).toEqual([2000, 9, 2]);
    const flat = { flows: [{ values: Float64Array.of(3, 0, 3, 0, 3, 0, 3, 0) }], stocks: [] } as unknown as Solution;
    expect(extract([output(['peak'], null)], 3, flat).values).toEqual([NaN, 3, 3]);
  });

  it('extract(years) looks at the chosen years only', () => {
    expect(extract([output(['series', 'peak', 'total'], Int32Array.of(0), 2, 3)], 6).values).toEqual([2, 0, 2002, 2, 2, 2]);
  });

  it('extract names the first non-finite value and records NaN in its place', () => {
    const broken = { flows: [{ values: Float64Array.of(1, 1, Infinity, 1, 1, 1, 1, 1) }], stocks: [] } as unknown as Solution;
    const { values, problem } = extract([output(['series'], null)], 4, broken);
    expect(problem).toBe('output x is Infinity in 2001');
    expect(values).toEqual([2, NaN, 2, 2]);
  });
});
