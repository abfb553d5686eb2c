import { abbreviate, ModelError, type SourceLocation } from '../errors.js';
import type { MathJsInstance } from 'mathjs';
import { createUnitMath } from './mathjs.js';
import { formatUnit, isDimensionlessUnit, makeUnit, sameDimension, type Unit } from './unit.js';

export type { Unit } from './unit.js';

/**
 * The units a model can name: everything mathjs knows, plus `d`, `yr`, `person`, `capita`,
 * `item` and the model's own count units. Every internal number is SI-based (kg, s, m, one
 * person), so adding kg to t is right and conversion happens once, at the edges.
 */
export interface UnitSystem {
  /** `kg/person/d`, `t`, `m^2`; `1` and `''` are dimensionless. */
  parse(text: string, at: SourceLocation): Unit;
  /** What an SI-based value in `unit` is multiplied by to read in `target`; undefined when they measure different things. */
  factorTo(unit: Unit, target: string | Unit): number | undefined;
  /** What a value written in `unit` is multiplied by to become SI-based (1/86400 for kg/d). */
  toSI(unit: Unit): number;
  isMass(unit: Unit): boolean;
  isMassPerTime(unit: Unit): boolean;
  isDimensionless(unit: Unit): boolean;
  format(unit: Unit): string;
}

/** How a parsed mathjs unit lists its parts (the published types call `prefix` a string; it is an object). */
interface MathjsUnitPart {
  readonly power: number;
  readonly prefix: { readonly name: string; readonly value: number };
  readonly unit: { readonly name: string; readonly value: number; readonly offset: number };
}

/** Units every model has: a day, the Julian year mathjs uses (365.25 d), and counts of people and things. */
const BUILT_IN_UNITS: readonly (readonly [name: string, definition: string | undefined])[] = [
  ['d', '1 day'],
  ['yr', '1 year'],
  ['person', undefined],
  ['capita', '1 person'],
  ['item', undefined],
];

/** Count units a model may list again without harm (README: person and item always exist). */
const BUILT_IN_COUNT_UNITS: readonly string[] = ['person', 'capita', 'item'];

const UNIT_HINT = 'units use mathjs syntax, e.g. kg/person/d, t, m^2, t/yr; write 1 for a dimensionless quantity';

/**
 * A mathjs instance with the built-in units and these count units, one per set of count units in
 * a process: `compile` and `compileObservations` of one model both need it, and making one costs
 * some milliseconds (its Unit class with the unit tables; on number-only arithmetic, see
 * createUnitMath). Only the units differ between models, so models that declare the same count
 * units share one; no other leaks in.
 */
const unitMaths = new Map<string, MathJsInstance>();

function unitMath(countUnits: readonly string[], at: SourceLocation): MathJsInstance {
  const key = countUnits.join('\u0000');
  let math = unitMaths.get(key);
  if (math !== undefined) return math;
  // A private instance: units created here must never leak into another model's (or the global) mathjs.
  math = createUnitMath();
  for (const [name, definition] of BUILT_IN_UNITS) {
    if (definition === undefined) math.createUnit(name);
    else math.createUnit(name, definition);
  }
  for (const name of countUnits) {
    if (BUILT_IN_COUNT_UNITS.includes(name)) continue;
    if (math.Unit.isValuelessUnit(name)) {
      throw new ModelError(`invalid unit: ${abbreviate(name)}`, at, `${name} is already a unit; a count unit needs a name of its own`);
    }
    try {
      math.createUnit(name);
    } catch {
      throw new ModelError(`invalid unit: ${abbreviate(name)}`, at, 'a count unit is a name made of letters, digits and _, e.g. dwelling');
    }
  }
  unitMaths.set(key, math);
  return math;
}

export function createUnitSystem(countUnits: readonly string[], at: SourceLocation = { file: '', path: 'units' }): UnitSystem {
  const math = unitMath(countUnits, at);
  const baseDimensions = math.Unit.BASE_DIMENSIONS;
  const parsedTargets = new Map<string, Unit>();

  function parse(text: string, location: SourceLocation): Unit {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '1') return makeUnit(new Array<number>(baseDimensions.length).fill(0), 1, []);
    let parsed;
    try {
      parsed = math.Unit.parse(trimmed);
    } catch {
      throw new ModelError(`invalid unit: ${abbreviate(text)}`, location, UNIT_HINT);
    }
    const parts = parsed.units as unknown as readonly MathjsUnitPart[];
    if (parts.some((part) => part.unit.offset !== 0)) {
      throw new ModelError(`invalid unit: ${abbreviate(text)}`, location, 'units with an offset (degC, degF) cannot be converted by a factor; use K');
    }
    let scale = 1;
    for (const part of parts) scale *= (part.unit.value * part.prefix.value) ** part.power;
    // mathjs reads `1/yr` as the number 1 in yr^-1; any other number in a unit is a mistake.
    if (parsed.value !== null && Math.abs(parsed.value / scale - 1) > 1e-12) {
      throw new ModelError(`invalid unit: ${abbreviate(text)}`, location, `a unit has no number in it; ${UNIT_HINT}`);
    }
    const exponents = baseDimensions.map((_, d) => parsed.dimensions[d] ?? 0);
    return makeUnit(exponents, scale, parts.map((part) => [`${part.prefix.name}${part.unit.name}`, part.power] as const));
  }

  function target(unit: string | Unit): Unit {
    if (typeof unit !== 'string') return unit;
    let parsed = parsedTargets.get(unit);
    if (parsed === undefined) parsedTargets.set(unit, (parsed = parse(unit, at)));
    return parsed;
  }

  return {
    parse,
    factorTo(unit, to) {
      const targetUnit = target(to);
      return sameDimension(unit, targetUnit) ? 1 / targetUnit.scale : undefined;
    },
    toSI: (unit) => unit.scale,
    isMass: (unit) => sameDimension(unit, target('kg')),
    isMassPerTime: (unit) => sameDimension(unit, target('kg/s')),
    isDimensionless: isDimensionlessUnit,
    format: formatUnit,
  };
}
