import { describe, expect, it } from 'vitest';
import { displayUnit, formatCount, formatNumber, formatQuantity, formatSignedQuantity } from '../../../viz/figure/quantity.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [12.345, '12.3'],
    [999.6, '1,000'],
    [1234.5, '1,230'],
    [12345678, '12,300,000'],
    [0.01234, '0.0123'],
    [2e-5, '2×10⁻⁵'],
    [-3.2, '−3.2'],
    [100, '100'],
  ])('formatNumber(%d) is %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('formatQuantity', () => {
  it('formatQuantity moves tonnes to kt, Mt and Gt and keeps a rate suffix', () => {
    expect(formatQuantity(906, 't', '/yr')).toBe('906 t/yr');
    expect(formatQuantity(2460, 't', '/yr')).toBe('2.46 kt/yr');
    expect(formatQuantity(7.85e6, 't')).toBe('7.85 Mt');
    expect(formatQuantity(3.1e9, 'kg')).toBe('3.1 Mt');
    expect(formatQuantity(5400, 'm^3')).toBe('5,400 m^3');
  });

  it('formatSignedQuantity writes a plus for additions and a true minus for releases', () => {
    expect(formatSignedQuantity(181, 't', '/yr')).toBe('+181 t/yr');
    expect(formatSignedQuantity(-30, 't', '/yr')).toBe('−30 t/yr');
  });

  it('displayUnit keeps the denominator of a rate', () => {
    expect(displayUnit(16500, 't/yr')).toEqual({ factor: 1000, unit: 'kt/yr' });
    expect(displayUnit(12, 'kg/person/d')).toEqual({ factor: 1, unit: 'kg/person/d' });
  });

  it('formatCount groups thousands without rounding', () => {
    expect(formatCount(8192)).toBe('8,192');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
