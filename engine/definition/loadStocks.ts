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
import type { RawStock } from './schema.js';
import { childPath } from './sourceMap.js';
import type { InitialStockDefinition, StockDefinition } from './types.js';
import { yearItemLabel } from './yearPoints.js';

/** Which kinds of stock take which keys: a lifetime for cohorts, a target and its correction for stock-driven. */
const KEY_RULES = [
  { key: 'lifetime', kinds: ['inflow-driven', 'stock-driven'], required: true },
  { key: 'target', kinds: ['stock-driven'], required: true },
  { key: 'negative_inflow_correction', kinds: ['stock-driven'], required: false },
] as const;

export function loadStocks(stocks: Readonly<Record<string, RawStock>>, processes: readonly string[], frame: ModelFrame, context: LoadContext): StockDefinition[] {
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
    const target = raw.target === undefined ? undefined : literalNumber(raw.target);
    if (target !== undefined && target < 0) throw context.fail(`negative value in target of stock ${name} (${target})`, childPath(path, 'target'), 'a stock level cannot be negative');
    return {
      name,
      process: raw.process,
      kind: raw.kind,
      lifetime: raw.lifetime ? loadLifetime(raw.lifetime, name, childPath(path, 'lifetime'), context) : undefined,
      target: raw.target === undefined ? undefined : String(raw.target),
      negativeInflowCorrection: raw.negative_inflow_correction ?? false,
      initial: raw.initial ? loadInitialStock(raw.initial, name, childPath(path, 'initial'), frame, context) : undefined,
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
  return { cohorts: points.years, values: points.values, path };
}
