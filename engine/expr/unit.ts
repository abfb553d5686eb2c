/**
 * A physical unit as plain data: the exponent of every base dimension, the SI-based value of one
 * of it, and the symbols it was written with (kept only for messages, so that `kg/person/d *
 * person` reads `kg/d`). All algebra here is exact in the exponents and multiplicative in scale.
 */
export interface Unit {
  /** Exponent per base dimension of the unit system that made it (mass, length, time, …, count units). */
  readonly exponents: readonly number[];
  /** SI-based value of one of this unit: 1 for kg, 1000 for t, 1/86400 for kg/d. */
  readonly scale: number;
  /** Symbol (prefix included) and power, in the order first written: kg^1, person^-1, d^-1. */
  readonly symbols: readonly (readonly [symbol: string, power: number])[];
}

/** Exponents closer to zero than this are zero: sqrt and ^ accumulate rounding in them. */
const EXPONENT_TOLERANCE = 1e-9;

export const DIMENSIONLESS: Unit = makeUnit([], 1, []);

export function multiplyUnits(a: Unit, b: Unit): Unit {
  return combine(a, b, 1);
}

export function divideUnits(a: Unit, b: Unit): Unit {
  return combine(a, b, -1);
}

export function powerUnit(unit: Unit, power: number): Unit {
  return makeUnit(
    unit.exponents.map((exponent) => exponent * power),
    unit.scale ** power,
    unit.symbols.map(([symbol, exponent]) => [symbol, exponent * power] as const),
  );
}

/** True when both measure the same kind of quantity (kg and t; not kg and m^2), whatever the scale. */
export function sameDimension(a: Unit, b: Unit): boolean {
  const length = Math.max(a.exponents.length, b.exponents.length);
  for (let d = 0; d < length; d++) {
    if (Math.abs((a.exponents[d] ?? 0) - (b.exponents[d] ?? 0)) > EXPONENT_TOLERANCE) return false;
  }
  return true;
}

export function isDimensionlessUnit(unit: Unit): boolean {
  return unit.exponents.every((exponent) => Math.abs(exponent) <= EXPONENT_TOLERANCE);
}

/** `kg/person/d`, `m^2`, `1/yr`, or `1` when no symbol is left. */
export function formatUnit(unit: Unit): string {
  const power = (symbol: string, exponent: number) => (exponent === 1 ? symbol : `${symbol}^${Number(exponent.toPrecision(6))}`);
  const numerator = unit.symbols.filter(([, exponent]) => exponent > 0).map(([symbol, exponent]) => power(symbol, exponent));
  const denominator = unit.symbols.filter(([, exponent]) => exponent < 0).map(([symbol, exponent]) => `/${power(symbol, -exponent)}`);
  return `${numerator.length > 0 ? numerator.join('*') : '1'}${denominator.join('')}`;
}

function combine(a: Unit, b: Unit, sign: 1 | -1): Unit {
  const length = Math.max(a.exponents.length, b.exponents.length);
  const exponents = Array.from({ length }, (_, d) => (a.exponents[d] ?? 0) + sign * (b.exponents[d] ?? 0));
  const powers = new Map<string, number>(a.symbols);
  for (const [symbol, exponent] of b.symbols) powers.set(symbol, (powers.get(symbol) ?? 0) + sign * exponent);
  return makeUnit(exponents, sign === 1 ? a.scale * b.scale : a.scale / b.scale, [...powers]);
}

/** Builds a frozen unit, dropping symbols whose powers cancelled. */
export function makeUnit(exponents: readonly number[], scale: number, symbols: readonly (readonly [string, number])[]): Unit {
  const kept = symbols.filter(([, exponent]) => Math.abs(exponent) > EXPONENT_TOLERANCE);
  return Object.freeze({ exponents: Object.freeze([...exponents]), scale, symbols: Object.freeze(kept.map((entry) => Object.freeze([...entry] as const))) });
}
