import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONLESS, divideUnits, formatUnit, isDimensionlessUnit, multiplyUnits, powerUnit, sameDimension } from '../../../engine/expr/unit.js';
import { createUnitSystem } from '../../../engine/expr/unitSystem.js';
import { at } from './scope.js';

const units = createUnitSystem([]);
const parse = (text: string) => units.parse(text, at);
const samples = ['kg', 't', 'kg/person/d', 'm^2', 't/m^2', 'm^2/person', '1/yr', 'person', 'kt/yr', '1'];

describe('unit algebra', () => {
  it('multiplyUnits then divideUnits by the same unit gives back the unit and its scale', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.constantFrom(...samples), (first, second) => {
        const a = parse(first);
        const back = divideUnits(multiplyUnits(a, parse(second)), parse(second));
        expect(sameDimension(back, a)).toBe(true);
        expect(Math.abs(back.scale / a.scale - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('multiplyUnits(a, b) multiplies the scales and cancels symbols', () => {
    const product = multiplyUnits(parse('t/m^2'), parse('m^2/person'));
    expect(product.scale).toBe(1000);
    expect(formatUnit(product)).toBe('t/person');
    expect(sameDimension(product, parse('kg/person'))).toBe(true);
  });

  it('powerUnit(unit, p) raises exponents and scale; powerUnit(m^2, 0.5) is m', () => {
    expect(formatUnit(powerUnit(parse('t/yr'), 2))).toBe('t^2/yr^2');
    expect(powerUnit(parse('t'), 2).scale).toBe(1e6);
    expect(sameDimension(powerUnit(parse('m^2'), 0.5), parse('m'))).toBe(true);
    expect(formatUnit(powerUnit(parse('kg'), 1 / 3))).toBe('kg^0.333333');
  });

  it('sameDimension(a, b) ignores scale and count units matter', () => {
    expect(sameDimension(parse('kg'), parse('Mt'))).toBe(true);
    expect(sameDimension(parse('kg'), parse('kg/person'))).toBe(false);
    expect(sameDimension(parse('kg/d'), parse('t/yr'))).toBe(true);
  });

  it('isDimensionlessUnit holds for 1, t/kg and DIMENSIONLESS but not for 1/yr', () => {
    expect([DIMENSIONLESS, parse('1'), parse('t/kg')].every(isDimensionlessUnit)).toBe(true);
    expect(isDimensionlessUnit(parse('1/yr'))).toBe(false);
  });

  it('formatUnit writes numerator symbols with *, each denominator symbol after /', () => {
    expect(formatUnit(parse('kg/person/d'))).toBe('kg/person/d');
    expect(formatUnit(multiplyUnits(parse('kg'), parse('m^2')))).toBe('kg*m^2');
    expect(formatUnit(DIMENSIONLESS)).toBe('1');
  });
});
