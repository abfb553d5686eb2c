import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../../engine/errors.js';
import { designRows } from '../../../../engine/sweep/design/design.js';
import { fullFactorialDesign } from '../../../../engine/sweep/design/fullFactorial.js';
import { expectBlocksMatchWhole } from './designContract.js';

describe('fullFactorialDesign', () => {
  it('fullFactorialDesign([[1, 2], [10, 20, 30]]) lists every combination, the last factor fastest', () => {
    const design = fullFactorialDesign([[1, 2], [10, 20, 30]]);
    expect(design.space).toBe('values');
    expect(design.size).toBe(6);
    expect(Array.from(designRows(design))).toEqual([1, 10, 1, 20, 1, 30, 2, 10, 2, 20, 2, 30]);
  });

  it('fullFactorialDesign gives the same rows in any blocks', () => {
    expectBlocksMatchWhole(fullFactorialDesign([[0.1, 0.3, 0.5], [1], [5, 6, 7, 8], [-1, 1]]));
  });

  it('fullFactorialDesign rejects empty or non-finite levels, naming them', () => {
    expect(() => fullFactorialDesign([])).toThrow(OptionsError);
    expect(() => fullFactorialDesign([[1], []])).toThrow('options.levels[1] must not be empty');
    expect(() => fullFactorialDesign([[1, NaN]])).toThrow('options.levels[0] must be finite numbers');
  });
});
