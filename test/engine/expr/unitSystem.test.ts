import * as mathjs from 'mathjs';
import { describe, expect, it } from 'vitest';
import { multiplyUnits } from '../../../engine/expr/unit.js';
import { createUnitSystem } from '../../../engine/expr/unitSystem.js';
import { at, modelErrorOf } from './scope.js';

const units = createUnitSystem(['dwelling']);
const parse = (text: string) => units.parse(text, at);

const parseError = (text: string) => modelErrorOf(() => parse(text));

describe('createUnitSystem', () => {
  it('factorTo(kg/person/d * person, t/yr) turns a daily per-capita value into tonnes per (Julian) year', () => {
    const perCapita = parse('kg/person/d');
    const total = multiplyUnits(perCapita, parse('person'));
    // 1 kg/person/d for 1 person = 365.25 kg per year = 0.36525 t/yr
    expect(units.toSI(perCapita) * units.factorTo(total, 't/yr')!).toBeCloseTo(365.25 / 1000, 14);
    expect(units.format(total)).toBe('kg/d');
    expect(units.isMassPerTime(total)).toBe(true);
  });

  it('toSI and factorTo(kg, t) convert between tonnes and kilograms', () => {
    expect(units.toSI(parse('t'))).toBe(1000);
    expect(units.toSI(parse('kt'))).toBe(1e6);
    expect(units.factorTo(parse('kg'), 't')).toBe(1e-3);
    expect(units.factorTo(parse('t'), parse('Mt'))).toBe(1e-9);
  });

  it('factorTo(unit, target) is undefined when the two measure different things', () => {
    expect(units.factorTo(parse('kg'), 'm^2')).toBeUndefined();
    expect(units.factorTo(parse('kg/person'), 'kg')).toBeUndefined();
    expect(units.factorTo(parse('t/yr'), 't')).toBeUndefined();
  });

  it('parse(yr) is the Julian year of 365.25 days and d one day', () => {
    expect(units.toSI(parse('d'))).toBe(86400);
    expect(units.toSI(parse('yr')) * units.factorTo(parse('yr'), 'd')!).toBeCloseTo(365.25, 12);
  });

  it('parse(capita) is the same unit as person', () => {
    expect(units.factorTo(parse('kg/capita'), 'kg/person')).toBe(1);
    expect(units.factorTo(parse('item'), 'person')).toBeUndefined();
  });

  it('parse(1) and parse("") are dimensionless, parse(1/yr) is a rate', () => {
    for (const text of ['1', '', ' ']) {
      expect(units.isDimensionless(parse(text))).toBe(true);
      expect(units.format(parse(text))).toBe('1');
    }
    expect(units.isDimensionless(parse('1/yr'))).toBe(false);
    expect(units.format(parse('1/yr'))).toBe('1/yr');
    expect(units.isDimensionless(parse('t/kg'))).toBe(true);
  });

  it('isMass and isMassPerTime accept any mass unit and nothing else', () => {
    expect(['kg', 't', 'Mt', 'g'].map((text) => units.isMass(parse(text)))).toEqual([true, true, true, true]);
    expect(['t/yr', 'm^2', '1', 'kg/person'].map((text) => units.isMass(parse(text)))).toEqual([false, false, false, false]);
    expect(['t/yr', 'kg/d', 'kt/s'].map((text) => units.isMassPerTime(parse(text)))).toEqual([true, true, true]);
    expect(['t', 'kg/person/d', 't/yr^2'].map((text) => units.isMassPerTime(parse(text)))).toEqual([false, false, false]);
  });

  it('parse(text) accepts the model\'s own count units as new base units', () => {
    const perDwelling = parse('m^2/dwelling');
    expect(units.factorTo(perDwelling, 'm^2/person')).toBeUndefined();
    expect(units.format(multiplyUnits(perDwelling, parse('dwelling/person')))).toBe('m^2/person');
  });

  it('parse(text) throws "invalid unit" with a hint for unknown units, numbers and offset units', () => {
    for (const text of ['furlongs_per_fortnight', '5 kg', 'degC', 'kg +', '2']) {
      const error = parseError(text);
      expect(error.message).toBe(`invalid unit: ${text}`);
      expect(error.at).toBe(at);
      expect(error.hint).toBeTruthy();
    }
  });

  it('createUnitSystem(countUnits) keeps each model\'s units to itself', () => {
    const other = createUnitSystem([]);
    expect(() => other.parse('dwelling', at)).toThrow('invalid unit: dwelling');
    expect(() => mathjs.unit('person')).toThrow();
    expect(() => mathjs.unit('dwelling')).toThrow();
  });

  it('createUnitSystem(countUnits) rejects a count unit that is already a unit, and accepts person again', () => {
    expect(() => createUnitSystem(['m'])).toThrow('invalid unit: m');
    expect(() => createUnitSystem(['bad name'])).toThrow('invalid unit: bad name');
    const repeated = createUnitSystem(['person', 'item']);
    expect(repeated.isDimensionless(repeated.parse('person/item', at))).toBe(false);
  });

  it('createUnitSystem(countUnits) reports a bad count unit at the place given, each time it is asked (a set that failed is not kept)', () => {
    for (const file of ['a.yaml', 'b.yaml', 'a.yaml']) {
      const place = { file, path: 'units' };
      const error = modelErrorOf(() => createUnitSystem(['m'], place));
      expect(error.message).toBe('invalid unit: m');
      expect(error.at).toBe(place);
    }
  });

  it('createUnitSystem(countUnits) gives models with the same count units the same units, and others none of them', () => {
    const again = createUnitSystem(['dwelling']);
    expect(again.toSI(again.parse('m^2/dwelling', at))).toBe(units.toSI(parse('m^2/dwelling')));
    expect(again.factorTo(again.parse('m^2/dwelling', at), units.parse('m^2/dwelling', at))).toBe(1);
    expect(() => createUnitSystem(['household']).parse('dwelling', at)).toThrow('invalid unit: dwelling');
    expect(() => createUnitSystem(['dwelling']).parse('household', at)).toThrow('invalid unit: household');
  });
});
