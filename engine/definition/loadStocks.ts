import { ModelError, unknownNameError } from '../errors.js';
import { checkValues } from './checkValues.js';
import { dimensionSpace } from './dimensionSpace.js';
import { readInlineSeries } from './inlineSeries.js';
import { readCsvData } from './dataTable.js';
import type { ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import { literalNumber } from './decimal.js';
import { LIMITS, limitError } from './limits.js';
import { loadLifetime } from './loadLifetime.js';
import { SURVIVAL_ALIASES, type RawStock } from './schema.js';
import { childPath } from './sourceMap.js';
import type { InitialStockDefinition, LifetimeDefinition, StockDefinition, SurvivalConvention } from './types.js';
import { yearItemLabel } from './yearPoints.js';

/** Which kinds of stock take which keys: a lifetime for cohorts, a target and its correction for stock-driven. */
const KEY_RULES = [
  { key: 'lifetime', kinds: ['inflow-driven', 'stock-driven'], required: true },
  { key: 'target', kinds: ['stock-driven'], required: true },
  { key: 'negative_inflow_correction', kinds: ['stock-driven'], required: false },
  { key: 'waste', kinds: ['inflow-driven', 'stock-driven'], required: false },
] as const;

export function loadStocks(
  stocks: Readonly<Record<string, RawStock>>,
  processes: readonly string[],
  frame: ModelFrame,
  modelSurvival: SurvivalConvention,
  context: LoadContext,
): StockDefinition[] {
  const stockOf = new Map<string, string>();
  return Object.entries(stocks).map(([name, raw]): StockDefinition => {
    const path = childPath('stocks', name);
    if (!processes.includes(raw.process)) throw unknownNameError('process', raw.process, processes, context.at(childPath(path, 'process')));
    const other = stockOf.get(raw.process);
    if (other) throw context.fail(`process ${raw.process} has two stocks: ${other} and ${name}`, childPath(path, 'process'), 'a process holds at most one stock; split it into two processes');
    stockOf.set(raw.process, name);
    for (const { key, kinds, required } of KEY_RULES) {
      const takesKey = (kinds as readonly string[]).includes(raw.kind);
      if (raw[key] === undefined && takesKey && required) throw context.fail(`missing key: ${key}`, path, `a ${raw.kind} stock needs ${key}`);
      if (raw[key] !== undefined && !takesKey) throw context.fail(`invalid key for a ${raw.kind} stock: ${key}`, childPath(path, key), `${key} is only for ${kinds.join(' and ')} stocks`);
    }
    if (raw.initial?.lifetime !== undefined && raw.kind === 'accumulate') {
      throw context.fail('invalid key for an accumulate stock: initial.lifetime', childPath(path, 'initial.lifetime'), 'an accumulating stock keeps what it receives; it has no lifetime');
    }
    const target = raw.target === undefined ? undefined : literalNumber(raw.target);
    if (target !== undefined && target < 0) throw context.fail(`negative value in target of stock ${name} (${target})`, childPath(path, 'target'), 'a stock level cannot be negative');
    const survival = survivalConvention(raw.survival) ?? modelSurvival;
    const lifetime = raw.lifetime ? loadLifetime(raw.lifetime, name, childPath(path, 'lifetime'), context) : undefined;
    const initial = raw.initial ? loadInitialStock(raw.initial, name, childPath(path, 'initial'), frame, context) : undefined;
    for (const given of [lifetime, initial?.lifetime]) checkDensityConvention(given, survival, name, raw.survival === undefined ? 'survival' : childPath(path, 'survival'), context);
    return {
      name,
      process: raw.process,
      kind: raw.kind,
      lifetime,
      target: raw.target === undefined ? undefined : String(raw.target),
      negativeInflowCorrection: raw.negative_inflow_correction ?? false,
      waste: raw.waste ?? true,
      initial,
      survival,
      path,
    };
  });
}

/** Stock by cohort at the end of the year before the horizon: `{ csv }` or `{ cohorts: { 1990: …, … } }`. */
function loadInitialStock(raw: NonNullable<RawStock['initial']>, stock: string, path: string, frame: ModelFrame, context: LoadContext): InitialStockDefinition {
  if ((raw.csv === undefined) === (raw.cohorts === undefined)) {
    throw context.fail(`invalid initial stock: stock ${stock} needs exactly one of csv and cohorts`, path, 'give the stock by cohort as csv: data/file.csv or cohorts: { 1990: …, 1991: … }');
  }
  const subject = `initial stock of ${stock}`;
  const space = dimensionSpace(raw.dims ?? [], frame, childPath(path, 'dims'), context, subject);
  const points = raw.csv !== undefined ? readCsvData(raw.csv, space, childPath(path, 'csv'), context, subject) : readInlineSeries(raw.cohorts!, space, childPath(path, 'cohorts'), context, subject);
  const oldest = points.years[0];
  if (oldest < frame.time.start - LIMITS.years) {
    throw limitError(
      `invalid initial stock: cohort ${oldest} of stock ${stock} is more than ${LIMITS.years} years before ${frame.time.start}`,
      points.locations[0],
      'give the cohorts that can still be in stock; older ones can be added to the oldest cohort kept',
    );
  }
  const late = points.years.findIndex((cohort) => cohort >= frame.time.start);
  if (late >= 0) {
    throw new ModelError(
      `invalid initial stock: cohort ${points.years[late]} of stock ${stock} is not before ${frame.time.start}`,
      points.locations[late * space.size],
      `the initial stock is the stock at the end of ${frame.time.start - 1}; its cohorts entered before ${frame.time.start}`,
    );
  }
  checkValues(points.values, {
    subject,
    signed: false,
    locate: (index) => points.locations[index],
    describe: (index) => yearItemLabel(space, points.years[Math.floor(index / space.size)], index % space.size),
  });
  const lifetime = raw.lifetime ? loadLifetime(raw.lifetime, stock, childPath(path, 'lifetime'), context) : undefined;
  return { cohorts: points.years, values: points.values, lifetime, path };
}

/** A survival convention as written, older names read as what they always meant. */
export function survivalConvention(written: RawStock['survival']): SurvivalConvention | undefined {
  if (written === undefined) return undefined;
  return written in SURVIVAL_ALIASES ? SURVIVAL_ALIASES[written as keyof typeof SURVIVAL_ALIASES] : (written as SurvivalConvention);
}

/** The UNU convention discards the density at mid-year: a fixed lifetime or a table has none. */
function checkDensityConvention(lifetime: LifetimeDefinition | undefined, survival: SurvivalConvention, stock: string, conventionPath: string, context: LoadContext): void {
  if (survival !== 'density-mid-year' || lifetime === undefined) return;
  if (lifetime.distribution !== 'fixed' && lifetime.distribution !== 'table') return;
  throw context.fail(
    `invalid lifetime: stock ${stock} has a ${lifetime.distribution} lifetime, which has no density for the density-mid-year convention`,
    lifetime.path,
    `give this stock another convention (survival: integer-age, survival-mid-year or survival-year-average, next to its kind) or a distribution with a density; the convention is set at ${conventionPath}`,
  );
}
