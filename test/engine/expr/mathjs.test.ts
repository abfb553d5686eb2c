import { describe, expect, it } from 'vitest';
import type { MathJsInstance } from 'mathjs';
import { createMath, createParse, createUnitMath } from '../../../engine/expr/mathjs.js';

/** What a unit system reads of a parsed unit (engine/expr/unitSystem.ts). */
function readUnit(math: MathJsInstance, text: string) {
  const unit = math.Unit.parse(text);
  const parts = unit.units as unknown as readonly { power: number; prefix: { name: string; value: number }; unit: { name: string; value: number; offset: number } }[];
  return { value: unit.value, dimensions: unit.dimensions, parts: parts.map(({ power, prefix, unit: base }) => [prefix.name, prefix.value, base.name, base.value, base.offset, power]) };
}

const UNITS = ['kg', 't/yr', 'kg/person/d', '1/yr', '1000 kg', '2.5 Mt', 'kg^-1', 'm^0.5', 'km^2', 'kWh', 'GJ/t', 'mg/L', 'degC', 'ton', 'lbm', 'dwelling/person', 'SGD/person'];

describe('createUnitMath', () => {
  it("createUnitMath() reads every unit as mathjs's full instance does, with count units made in both", () => {
    const full = createMath();
    const numbers = createUnitMath();
    for (const math of [full, numbers]) {
      math.createUnit('d', '1 day');
      math.createUnit('yr', '1 year');
      math.createUnit('person');
      for (const name of ['dwelling', 'SGD']) math.createUnit(name);
    }
    for (const text of UNITS) expect(readUnit(numbers, text), text).toEqual(readUnit(full, text));
  });

  it('createUnitMath() throws for unit arithmetic it does not build, instead of answering', () => {
    const math = createUnitMath();
    expect(() => math.Unit.parse('1 kg').toNumber('g')).toThrow(/not built in the unit instance/);
    expect(() => math.Unit.parse('2 kg').equals(math.Unit.parse('2000 g'))).toThrow(/not built in the unit instance/);
  });
});

describe('createParse', () => {
  it('createParse() parses what a full instance parses, to the same text', () => {
    const parse = createParse();
    const full = createMath();
    for (const text of ['a * b / 100 + (c > 0 ? min(d, 2.5) : exp(-e))', '2 kg + x', 'a.b[1]', 'f(x) = x^2', '[1, 2]', '0x1F + 1e-3']) {
      expect(parse(text).toString(), text).toBe(full.parse(text).toString());
    }
  });
});
