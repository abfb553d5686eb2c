import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../../engine/errors.js';
import { at, compile, compileError, evaluate, testScope } from './scope.js';

/** Each source fails to compile with exactly its message, located at `at`, with a hint quoting the expression. */
function expectErrors(cases: readonly (readonly [source: string, message: string])[]): void {
  for (const [source, message] of cases) {
    const error = compileError(source);
    expect(error.message, source).toBe(message);
    expect(error.at).toBe(at);
    expect(error.hint).toMatch(/^in "/);
  }
}

// Test scope: region [north, south], stream [food, paper, metal]; horizon 2 (years 2030, 2031).
// Inputs are SI-based series, year-major.

describe('compileExpression', () => {
  it('compileExpression(source) lists the distinct names it uses, in order, but not year or sum dimensions', () => {
    const expression = compile('sum(per_capita * population, region) * landfill_share + per_capita * sum(population, region) * (year > 2030)');
    expect(expression.references).toEqual(['per_capita', 'population', 'landfill_share']);
    expect(expression.source).toContain('sum(per_capita');
  });

  it('compileExpression(source) never runs code: import, evaluate and createUnit are rejected before anything happens', () => {
    const scope = testScope();
    for (const source of ['import("fs")', 'evaluate("1+1")', 'createUnit("zzz")', 'a + createUnit("zzz")']) {
      expect(() => compile(source, scope)).toThrow(/^forbidden expression construct: function \w+\(\)$/);
    }
    expect(() => scope.units.parse('zzz', at)).toThrow('invalid unit: zzz');
  });

  it('compileExpression(source) throws "unknown name" with the nearest names as hint', () => {
    const error = compileError('populaton * per_capita');
    expect(error.message).toBe('unknown name: populaton');
    expect(error.at).toBe(at);
    expect(error.hint).toMatch(/^did you mean 'population'/);
    expect(compileError('yaer').hint).toContain("'year'");
  });

  it('compileExpression(source) explains an unknown name that is a dimension or a unit', () => {
    expect(compileError('stream * a').hint).toContain('sum(x, stream)');
    const unit = compileError('5 kg');
    expect(unit.message).toBe('unknown name: kg');
    expect(unit.hint).toContain('kg is a unit');
  });

  it('compileExpression(literal) sets constantValue, also for arithmetic on numbers only', () => {
    expect(compile('0.3').constantValue).toBe(0.3);
    expect(compile('1').constantValue).toBe(1);
    expect(compile('1 - 0.3').constantValue).toBeCloseTo(0.7, 15);
    expect(compile('-(2^3)').constantValue).toBe(-8);
    expect(compile('a').constantValue).toBeUndefined();
    expect(compile('year').constantValue).toBeUndefined();
    expect(evaluate('1 - 0.3', {})).toEqual([0.7, 0.7]);
  });

  it('evaluate(inputs, years, out) reads year as the calendar year', () => {
    expect(evaluate('year', {})).toEqual([2030, 2031]);
    expect(evaluate('(year - 2030) * a', { a: [5, 5] })).toEqual([0, 5]);
  });

  it('compileExpression(population * per_capita) is over [region, stream], the outer product', () => {
    const expression = compile('population * per_capita');
    expect(expression.dims).toEqual([0, 1]);
    const out = evaluate('population * per_capita', { population: [1, 2, 3, 4], per_capita: [10, 20, 30, 40, 50, 60] });
    // year 2030: north (1) then south (2) times food, paper, metal; year 2031: 3 and 4 times 40, 50, 60
    expect(out).toEqual([10, 20, 30, 20, 40, 60, 120, 150, 180, 160, 200, 240]);
  });

  it('compileExpression(per_capita * landfill_share + per_capita) broadcasts a scalar onto any dimensions', () => {
    expect(compile('per_capita * landfill_share + per_capita').dims).toEqual([1]);
    expect(evaluate('recycling_rate + a', { recycling_rate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], a: [1, 2] })).toEqual([1.1, 1.2, 1.3, 2.4, 2.5, 2.6]);
  });

  it('compileExpression(a + b) over different dimensions is a dimension mismatch naming both lists', () => {
    expectErrors([
      ['population + per_capita', 'dimension mismatch: cannot add [region] and [stream]'],
      ['population * per_capita - per_capita', 'dimension mismatch: cannot subtract [region, stream] and [stream]'],
      ['max(population, recycling_rate)', 'dimension mismatch: cannot compare [region] and [stream]'],
      ['population > recycling_rate', 'dimension mismatch: cannot compare [region] and [stream]'],
      ['population > 0 ? recycling_rate : 0', 'dimension mismatch: cannot combine [region] and [stream]'],
    ]);
    expect(compileError('population + per_capita').hint).toContain('sum(x, dimension)');
  });

  it('sum(x, dimension) removes that dimension and adds its items', () => {
    const source = 'sum(matrix, region)';
    expect(compile(source).dims).toEqual([1]);
    expect(evaluate(source, { matrix: [1, 2, 3, 10, 20, 30, 4, 5, 6, 40, 50, 60] })).toEqual([11, 22, 33, 44, 55, 66]);
    expect(evaluate('sum(matrix, stream)', { matrix: [1, 2, 3, 10, 20, 30, 4, 5, 6, 40, 50, 60] })).toEqual([6, 60, 15, 150]);
    expect(evaluate('sum(sum(matrix, stream), region)', { matrix: [1, 2, 3, 10, 20, 30, 4, 5, 6, 40, 50, 60] })).toEqual([66, 165]);
  });

  it('sum(x, dimension) needs a known dimension that x has', () => {
    const unknown = compileError('sum(per_capita, streem)');
    expect(unknown.message).toBe('unknown dimension in sum(): streem');
    expect(unknown.hint).toMatch(/^did you mean 'stream'/);
    expect(compileError('sum(per_capita, region)').message).toBe('dimension mismatch: cannot sum [stream] over region');
    expect(compileError('sum(a, region)').message).toBe('dimension mismatch: cannot sum a scalar over region');
  });

  it('compileExpression(kg + m^2) is a unit mismatch naming both units; kg + t converts', () => {
    expectErrors([
      ['mass + area', 'unit mismatch: cannot add kg and m^2'],
      ['mass - a', 'unit mismatch: cannot subtract kg and 1'],
      ['min(mass, area)', 'unit mismatch: cannot compare kg and m^2'],
      ['a > 0 ? mass : area', 'unit mismatch: cannot choose between kg and m^2'],
    ]);
    // SI-based inputs: 2 kg + 3 t (3000 kg in SI) = 3002 kg
    expect(evaluate('mass + tonnes', { mass: [2, 2], tonnes: [3000, 3000] })).toEqual([3002, 3002]);
    expect(compile('tonnes + mass').unit.symbols).toEqual([['t', 1]]);
  });

  it('compileExpression(source) infers units through * / ^ sqrt and sum', () => {
    const { units } = testScope();
    const flow = compile('population * per_capita');
    expect(units.isMassPerTime(flow.unit)).toBe(true);
    expect(units.format(compile('sum(population * floor_area * intensity, region)').unit)).toBe('t');
    expect(units.format(compile('area ^ 2').unit)).toBe('m^4');
    expect(units.format(compile('sqrt(area)').unit)).toBe('m');
    expect(units.format(compile('mass / tonnes').unit)).toBe('kg/t');
    expect(units.isDimensionless(compile('mass / tonnes').unit)).toBe(true);
  });

  it('compileExpression(source) needs dimensionless arguments for exp and log, and a constant exponent for a unit', () => {
    expectErrors([
      ['exp(mass)', 'unit mismatch: exp() needs a dimensionless argument, got kg'],
      ['log(area)', 'unit mismatch: log() needs a dimensionless argument, got m^2'],
      ['area ^ a', 'unit mismatch: m^2 can only be raised to a constant number'],
      ['a ^ mass', 'unit mismatch: an exponent must be dimensionless, got kg'],
    ]);
    expect(evaluate('exp(mass / tonnes)', { mass: [0, 0], tonnes: [1, 1] })).toEqual([1, 1]);
    expect(evaluate('a ^ b', { a: [2, 3], b: [3, 2] })).toEqual([8, 9]);
  });

  it('compileExpression(mass > 5) is a unit mismatch, while a comparison with 0 or max(mass, 0) fits any unit', () => {
    expect(compileError('mass > 5').message).toBe('unit mismatch: cannot compare kg and 1');
    expect(evaluate('max(mass, 0)', { mass: [-3, 4] })).toEqual([0, 4]);
    expect(evaluate('mass > 0', { mass: [-3, 4] })).toEqual([0, 1]);
    expect(evaluate('mass >= tonnes', { mass: [1000, 999], tonnes: [1000, 1000] })).toEqual([1, 0]);
  });

  it('evaluate(a < b, a and b, not a, …) gives 0 or 1, and NaN when an operand is NaN', () => {
    const inputs = { a: [1, 2], b: [2, 2] };
    expect(evaluate('a < b', inputs)).toEqual([1, 0]);
    expect(evaluate('a <= b', inputs)).toEqual([1, 1]);
    expect(evaluate('a > b', inputs)).toEqual([0, 0]);
    expect(evaluate('a >= b', inputs)).toEqual([0, 1]);
    expect(evaluate('a == b', inputs)).toEqual([0, 1]);
    expect(evaluate('a != b', inputs)).toEqual([1, 0]);
    expect(evaluate('(a > 1) and (b > 1)', inputs)).toEqual([0, 1]);
    expect(evaluate('(a > 1) or (b > 1)', inputs)).toEqual([1, 1]);
    expect(evaluate('not (a > 1)', inputs)).toEqual([1, 0]);
    expect(evaluate('a < b', { a: [NaN, 1], b: [1, NaN] })).toEqual([NaN, NaN]);
    expect(evaluate('not a', { a: [NaN, 0] })).toEqual([NaN, 1]);
  });

  it('evaluate(cond ? a : b) chooses per item and per year; a NaN condition gives NaN', () => {
    const source = 'year >= 2031 ? recycling_rate : landfill_share';
    expect(compile(source).dims).toEqual([1]);
    expect(evaluate(source, { recycling_rate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], landfill_share: [9, 8] })).toEqual([9, 9, 9, 0.4, 0.5, 0.6]);
    expect(evaluate('recycling_rate > 0.35 ? recycling_rate : 0', { recycling_rate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] })).toEqual([0, 0, 0, 0.4, 0.5, 0.6]);
    expect(evaluate('a ? b : c', { a: [NaN, 0], b: [1, 1], c: [2, 2] })).toEqual([NaN, 2]);
  });

  it('evaluate(min, max, clamp, abs, pow) computes elementwise with NaN propagating', () => {
    const inputs = { a: [-2, 5], b: [1, NaN], c: [3, 3] };
    expect(evaluate('min(a, b, c)', inputs)).toEqual([-2, NaN]);
    expect(evaluate('max(a, c)', inputs)).toEqual([3, 5]);
    expect(evaluate('clamp(a, 0, 1)', inputs)).toEqual([0, 1]);
    expect(evaluate('abs(a)', inputs)).toEqual([2, 5]);
    expect(evaluate('pow(c, 2)', inputs)).toEqual([9, 9]);
  });

  it('evaluate(inputs, years, out) gives fresh results on every call', () => {
    const expression = compile('population * per_capita * (1 - 0.5) * 2');
    const out = new Float64Array(12);
    const years = Float64Array.of(2030, 2031);
    expression.evaluate([new Float64Array(4).fill(1), new Float64Array(6).fill(2)], years, out);
    expect([...out]).toEqual(new Array(12).fill(2));
    expression.evaluate([new Float64Array(4).fill(3), new Float64Array(6).fill(2)], years, out);
    expect([...out]).toEqual(new Array(12).fill(6));
  });

  it('evaluate(inputs, years, out) throws OptionsError when a series has the wrong length', () => {
    const expression = compile('population * a');
    const years = Float64Array.of(2030, 2031);
    const good = [new Float64Array(4), new Float64Array(2)];
    expect(() => expression.evaluate(good, years, new Float64Array(3))).toThrow(OptionsError);
    expect(() => expression.evaluate([new Float64Array(2), new Float64Array(2)], years, new Float64Array(4))).toThrow('options.inputs[0] must have length 4');
    expect(() => expression.evaluate(good.slice(1), years, new Float64Array(4))).toThrow(OptionsError);
    expect(() => expression.evaluate(good, Float64Array.of(2030), new Float64Array(4))).toThrow('options.years must have length 2');
  });

  it('compileExpression(source, scope) needs a positive integer horizon', () => {
    expect(() => compile('a', { ...testScope(), horizon: 0 })).toThrow('options.horizon must be a positive integer');
  });
});
