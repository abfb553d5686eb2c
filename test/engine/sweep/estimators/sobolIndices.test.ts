import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../../engine/errors.js';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { saltelliDesign } from '../../../../engine/sweep/design/saltelli.js';
import { sobolIndices } from '../../../../engine/sweep/estimators/sobolIndices.js';
import { evaluateRows, ishigami, ishigamiIndices, sobolG, sobolGIndices } from './testFunctions.js';

const N = 2 ** 13;
const ishigamiRuns = evaluateRows(designRows(saltelliDesign({ factors: 3, baseSize: N, seed: 0 })), 3, ishigami);
const ishigamiResult = sobolIndices(ishigamiRuns, { factors: 3, outputs: 1, level: 0.99 });
const exact = ishigamiIndices();

/** Interleaves single-output vectors into a runs × outputs matrix. */
function columnsOf(...outputs: Float64Array[]): Float64Array {
  const runs = outputs[0].length;
  const matrix = new Float64Array(runs * outputs.length);
  outputs.forEach((output, column) => output.forEach((value, run) => (matrix[run * outputs.length + column] = value)));
  return matrix;
}

describe('sobolIndices', () => {
  it('sobolIndices(Ishigami, N = 2^13, scrambled Saltelli design, seed 0) finds S1 = 0.3139, 0.4424, 0 within 0.02', () => {
    exact.first.forEach((value, i) => expect(Math.abs(ishigamiResult.first[i] - value)).toBeLessThan(0.02));
    expect(exact.first[0]).toBeCloseTo(0.3139, 4);
    expect(exact.first[1]).toBeCloseTo(0.4424, 4);
  });

  it('sobolIndices(Ishigami, N = 2^13) finds ST = 0.5576, 0.4424, 0.2437 within 0.01', () => {
    exact.total.forEach((value, i) => expect(Math.abs(ishigamiResult.total[i] - value)).toBeLessThan(0.01));
    expect(exact.total[0]).toBeCloseTo(0.5576, 4);
    expect(exact.total[2]).toBeCloseTo(0.2437, 4);
  });

  it('sobolIndices(Ishigami, N = 2^13) finds S13 = 0.2437 and S12 = S23 = 0 within 0.02, symmetric, NaN on the diagonal', () => {
    const second = ishigamiResult.second!;
    expect(Math.abs(second[0 * 3 + 2] - exact.s13)).toBeLessThan(0.02);
    expect(Math.abs(second[0 * 3 + 1])).toBeLessThan(0.02);
    expect(Math.abs(second[1 * 3 + 2])).toBeLessThan(0.02);
    expect(second[2 * 3 + 0]).toBe(second[0 * 3 + 2]);
    expect(second[1 * 3 + 1]).toBeNaN();
  });

  it('sobolIndices’ 99% bootstrap intervals (1000 resamples) cover the exact Ishigami indices and contain the estimates', () => {
    const { first, firstLow, firstHigh, total, totalLow, totalHigh, second, secondLow, secondHigh } = ishigamiResult;
    for (let i = 0; i < 3; i++) {
      expect(firstLow[i]).toBeLessThanOrEqual(exact.first[i]);
      expect(firstHigh[i]).toBeGreaterThanOrEqual(exact.first[i]);
      expect(totalLow[i]).toBeLessThanOrEqual(exact.total[i]);
      expect(totalHigh[i]).toBeGreaterThanOrEqual(exact.total[i]);
      expect(firstLow[i] <= first[i] && first[i] <= firstHigh[i]).toBe(true);
      expect(totalLow[i] <= total[i] && total[i] <= totalHigh[i]).toBe(true);
      expect(firstHigh[i] - firstLow[i]).toBeLessThan(0.1);
    }
    expect(secondLow![2] <= exact.s13 && exact.s13 <= secondHigh![2]).toBe(true);
    expect(secondLow![2] <= second![2] && second![2] <= secondHigh![2]).toBe(true);
  });

  it('sobolIndices(G-function, a = 0, 1, 4.5, 9, 99, 99; N = 2^13, first and total only) is within 0.005 of the exact indices', () => {
    const coefficients = [0, 1, 4.5, 9, 99, 99];
    const runs = evaluateRows(designRows(saltelliDesign({ factors: 6, baseSize: N, secondOrder: false, seed: 4 })), 6, sobolG(coefficients));
    const result = sobolIndices(runs, { factors: 6, outputs: 1, secondOrder: false, resamples: 200, seed: 4 });
    const expected = sobolGIndices(coefficients);
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(result.first[i] - expected.first[i])).toBeLessThan(0.005);
      expect(Math.abs(result.total[i] - expected.total[i])).toBeLessThan(0.005);
    }
    expect(result.second).toBeUndefined();
  });

  it('sobolIndices of several outputs at once equals one output at a time, and ignores affine changes of an output', () => {
    const design = designRows(saltelliDesign({ factors: 3, baseSize: 256, seed: 2 }));
    const f = evaluateRows(design, 3, ishigami);
    const g = evaluateRows(design, 3, sobolG([0, 2, 5]));
    const scaled = f.map((value) => 1e6 + 3 * value);
    const options = { factors: 3, resamples: 100, seed: 9 };
    const together = sobolIndices(columnsOf(f, g, scaled), { ...options, outputs: 3 });
    const alone = [f, g].map((output) => sobolIndices(output, { ...options, outputs: 1 }));
    for (const key of ['first', 'firstLow', 'firstHigh', 'total', 'totalLow', 'totalHigh', 'second', 'secondHigh'] as const) {
      alone.forEach((single, column) => expect(Array.from(together[key]!.subarray(column * (key.startsWith('second') ? 9 : 3), (column + 1) * (key.startsWith('second') ? 9 : 3)))).toEqual(Array.from(single[key]!)));
    }
    for (let i = 0; i < 3; i++) {
      expect(together.first[6 + i]).toBeCloseTo(together.first[i], 9);
      expect(together.total[6 + i]).toBeCloseTo(together.total[i], 9);
    }
  });

  it('sobolIndices splits many outputs into bootstrap blocks without changing any column', () => {
    const design = designRows(saltelliDesign({ factors: 3, baseSize: 32, seed: 1 }));
    const base = evaluateRows(design, 3, ishigami);
    const outputs = 500;
    const matrix = new Float64Array(base.length * outputs);
    for (let run = 0; run < base.length; run++) for (let o = 0; o < outputs; o++) matrix[run * outputs + o] = base[run] * (1 + o / 100) + o * design[run * 3 + (o % 3)];
    const together = sobolIndices(matrix, { factors: 3, outputs, resamples: 1000 });
    for (const column of [0, 465, 466, 499]) {
      const single = sobolIndices(Float64Array.from({ length: base.length }, (_, run) => matrix[run * outputs + column]), { factors: 3, outputs: 1, resamples: 1000 });
      expect(Array.from(together.firstLow.subarray(column * 3, column * 3 + 3))).toEqual(Array.from(single.firstLow));
      expect(Array.from(together.secondHigh!.subarray(column * 9, column * 9 + 9))).toEqual(Array.from(single.secondHigh!));
    }
  });

  it('sobolIndices with the same seed is bit-identical; another seed moves only the intervals', () => {
    const runs = evaluateRows(designRows(saltelliDesign({ factors: 3, baseSize: 512, seed: 3 })), 3, ishigami);
    const options = { factors: 3, outputs: 1, resamples: 300, seed: 5 };
    const once = sobolIndices(runs, options);
    expect(sobolIndices(runs, options)).toEqual(once);
    const other = sobolIndices(runs, { ...options, seed: 6 });
    expect(other.first).toEqual(once.first);
    expect(other.firstLow).not.toEqual(once.firstLow);
  });

  it('sobolIndices of a constant output is NaN, not a number made up', () => {
    const result = sobolIndices(new Float64Array(8 * 16).fill(3), { factors: 3, outputs: 1, resamples: 10 });
    expect(result.variance[0]).toBe(0);
    expect(Array.from(result.first).every(Number.isNaN)).toBe(true);
    expect(Array.from(result.totalHigh).every(Number.isNaN)).toBe(true);
  });

  it('sobolIndices rejects an output matrix that does not fit the design, naming the option', () => {
    expect(() => sobolIndices(new Float64Array(8 * 4 + 1), { factors: 3, outputs: 1 })).toThrow(OptionsError);
    expect(() => sobolIndices(new Float64Array(5 * 4), { factors: 3, outputs: 1, secondOrder: true })).toThrow(/^options\.values must hold N·8·1 numbers/);
    expect(() => sobolIndices(new Float64Array(8), { factors: 3, outputs: 1, level: 1 })).toThrow('options.level must lie strictly between 0 and 1');
  });
});
