import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex, indexWeights } from '../../../engine/index/index.js';
import { ModelError } from '../../../engine/errors.js';
import { loadSmall } from './indexHelpers.js';

const at = (path: string) => ({ file: 'small.yaml', path });
const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);

describe('indexWeights', () => {
  it('indexWeights(nested) gives each dimension its weight and shares it among its indicators by theirs', () => {
    // Dimensions weigh 2 and 1 (so 2/3 and 1/3); dimension one's indicators 1 and 3 of 4.
    const { data } = loadSmall({ aExtra: 'weight: 1', extra: 'method: { dimension_weights: { one: 2, two: 1 } }' });
    const withSecond = { ...data, indicators: [...data.indicators, { ...data.indicators[0], id: 'a2', weight: 3 }] };
    const weights = indexWeights(withSecond, [true, true, true], 'nested', at);
    expect(Array.from(weights.indicators)).toEqual([2 / 3 / 4, 1 / 3, (2 / 3) * (3 / 4)]);
    expect(Array.from(weights.dimensions)).toEqual([2 / 3, 1 / 3]);
  });

  it('indexWeights(equal) weighs every indicator kept alike, and a dropped one 0', () => {
    const { data } = loadSmall();
    expect(Array.from(indexWeights(data, [true, true], 'equal', at).indicators)).toEqual([0.5, 0.5]);
    expect(Array.from(indexWeights(data, [true, false], 'equal', at).indicators)).toEqual([1, 0]);
  });

  it('indexWeights sums to 1 for any non-negative weights and factors that do not all vanish', () => {
    const { data } = loadSmall();
    fc.assert(
      fc.property(fc.tuple(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.double({ min: 0.001, max: 1e6, noNaN: true })), fc.constantFrom('equal', 'nested', 'given' as const), fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }), ([wa, wb], scheme, factors) => {
        const weighted = { ...data, indicators: [{ ...data.indicators[0], weight: wa }, { ...data.indicators[1], weight: wb }] };
        const weights = indexWeights(weighted, [true, true], scheme, at, Float64Array.from(factors));
        expect(sum(weights.indicators)).toBeCloseTo(1, 12);
        expect(sum(weights.dimensions)).toBeCloseTo(1, 12);
      }),
      { seed: 12 },
    );
  });

  it('indexWeights that sum to 0 is a ModelError that says they cannot be normalised', () => {
    const { data } = loadSmall({ extra: 'method: { dimension_weights: { one: 0, two: 0 } }' });
    expect(() => indexWeights(data, [true, true], 'nested', at)).toThrow(ModelError);
    expect(() => indexWeights(data, [true, true], 'nested', at)).toThrow('invalid weights: the weights sum to 0, so they cannot be normalised');
  });

  it('computeIndex(weights: given) without an indicator\'s weight is a ModelError asking for it', () => {
    const { spec, data } = loadSmall({ aExtra: 'weight: 2' });
    expect(() => computeIndex(data, { ...spec.method, weights: 'given' })).toThrow('missing key: weight of b');
  });
});

describe('indexWeights of a dimension', () => {
  it('indexWeights(nested) of a dimension whose indicators all weigh 0 is a ModelError at that dimension', () => {
    const { data } = loadSmall({ indicatorExtra: 'weight: 0' });
    expect(() => indexWeights(data, [true, true], 'nested', at)).toThrow('invalid weights: the indicators of dimension two all weigh 0, so they cannot be normalised');
  });
});
