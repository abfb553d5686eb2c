import { describe, expect, it } from 'vitest';
import { computeIndex, imputeColumn, loadIndexFromText } from '../../../engine/index/index.js';
import { ModelError } from '../../../engine/errors.js';
import { loadSmall, smallIndexYaml } from './indexHelpers.js';

const threeCities = (rule: string) =>
  smallIndexYaml({ indicatorExtra: `imputation: ${rule}`, values: '{ p: { value: 20, source: s }, q: missing }' });

describe('missing values', () => {
  it('imputeColumn fills with the mean or the median of the cities that have a value', () => {
    const column = () => Float64Array.from([1, NaN, 2, 9]);
    const mean = column();
    expect(imputeColumn(mean, 'mean')).toBe(true);
    expect(Array.from(mean)).toEqual([1, 4, 2, 9]);
    const median = column();
    expect(imputeColumn(median, 'median')).toBe(true);
    expect(Array.from(median)).toEqual([1, 2, 2, 9]);
    expect(imputeColumn(column(), 'drop-indicator')).toBe(false);
    expect(imputeColumn(Float64Array.from([1, 2]), 'none')).toBe(true);
  });

  it('computeIndex imputes as the indicator declares and marks the values it filled', () => {
    const spec = loadIndexFromText(threeCities('mean'), 'small.yaml');
    const { data } = loadSmall({ indicatorExtra: 'imputation: mean', values: '{ p: { value: 20, source: s }, q: missing }' });
    const result = computeIndex(data, spec.method);
    // b: q takes p's value, so b is equal for both cities and only a (lower is better) ranks them.
    expect(Array.from(result.filled)).toEqual([300, 400, 20, 20]);
    expect(Array.from(result.imputed)).toEqual([0, 0, 0, 1]);
    expect(Array.from(result.ranks)).toEqual([1, 2]);
  });

  it('computeIndex drops an indicator declared drop-indicator, and its dimension with it', () => {
    const { spec, data } = loadSmall({ indicatorExtra: 'imputation: drop-indicator', values: '{ p: { value: 20, source: s }, q: missing }' });
    const result = computeIndex(data, spec.method);
    expect(result.kept).toEqual([true, false]);
    expect(Array.from(result.weights)).toEqual([1, 0]);
    expect(Array.from(result.dimensionScores.subarray(2))).toEqual([NaN, NaN]);
    expect(Array.from(result.scores)).toEqual([100, 1]);
  });

  it('loadIndexFromText(a city without a value and no imputation rule) is a ModelError at the line of its missing value', () => {
    const text = smallIndexYaml({ values: '{ p: { value: 20, source: s }, q: missing }' });
    expect(() => loadIndexFromText(text, 'small.yaml')).toThrow(ModelError);
    try {
      loadIndexFromText(text, 'small.yaml');
    } catch (error) {
      const { message, at, hint } = error as ModelError;
      expect(message).toBe('missing value: q has no value for b and no imputation');
      expect(at).toMatchObject({ path: 'dimensions.two.indicators.b.values.q', line: 16 });
      expect(hint).toMatch(/imputation: mean \| median \| drop-indicator/);
    }
  });

  it('loadIndexFromText applies the method\'s imputation to every indicator that declares none, and the command line overrides it', () => {
    const text = smallIndexYaml({ values: '{ p: { value: 20, source: s }, q: missing }', extra: 'method: { imputation: median }' });
    expect(loadIndexFromText(text, 'small.yaml').method.imputation).toBe('median');
    expect(() => loadIndexFromText(text, 'small.yaml', { imputation: 'none' })).toThrow('missing value: q has no value for b and no imputation');
  });
});
