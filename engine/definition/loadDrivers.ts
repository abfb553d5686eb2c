import { checkValues } from './checkValues.js';
import { readCsvData } from './dataTable.js';
import { dimensionSpace, type DimensionSpace } from './dimensionSpace.js';
import { readInlineSeries } from './inlineSeries.js';
import type { LoadContext } from './loadContext.js';
import type { RawDriver, RawSeriesSource } from './schema.js';
import { yearlySeries, type SeriesOptions } from './series.js';
import { childPath } from './sourceMap.js';
import type { DimensionDefinition, DriverDefinition } from './types.js';
import { yearItemLabel } from './yearPoints.js';

/** What the rest of the loader needs to know about a model: its horizon and dimensions. */
export interface ModelFrame {
  readonly time: { readonly start: number; readonly end: number };
  readonly dimensions: readonly DimensionDefinition[];
}

/** A driver with what a scenario needs to replace its series the same way. */
export interface LoadedDriver {
  readonly definition: DriverDefinition;
  readonly space: DimensionSpace;
  readonly signed: boolean;
  readonly options: SeriesOptions;
}

export function loadDrivers(drivers: Readonly<Record<string, RawDriver>>, frame: ModelFrame, context: LoadContext): LoadedDriver[] {
  return Object.entries(drivers).map(([name, raw]) => {
    const path = childPath('drivers', name);
    const space = dimensionSpace(raw.dims ?? [], frame, childPath(path, 'dims'), context, `driver ${name}`);
    const options: SeriesOptions = { interpolate: raw.interpolate ?? 'linear', extrapolate: raw.extrapolate ?? 'error' };
    const signed = raw.signed ?? false;
    const values = driverSeries(raw, options, { name, space, signed }, path, frame, context);
    return { definition: { name, unit: String(raw.unit), dims: space.dims, values, path }, space, signed, options };
  });
}

/**
 * A driver's series for every model year from `csv` or inline `values` (exactly one), checked
 * for signs both as given and as extrapolated (a line continued past the data can go negative).
 */
export function driverSeries(
  source: RawSeriesSource,
  options: SeriesOptions,
  driver: { readonly name: string; readonly space: DimensionSpace; readonly signed: boolean },
  path: string,
  frame: ModelFrame,
  context: LoadContext,
): Float64Array {
  const { name, space, signed } = driver;
  const subject = `driver ${name}`;
  if ((source.csv === undefined) === (source.values === undefined)) {
    throw context.fail(`invalid driver: ${name} needs exactly one of csv and values`, path, 'give the data as csv: data/file.csv or inline as values: { 2015: 1.0, … }');
  }
  const points = source.csv !== undefined ? readCsvData(source.csv, space, childPath(path, 'csv'), context, subject) : readInlineSeries(source.values!, space, childPath(path, 'values'), context, subject);
  checkValues(points.values, {
    subject,
    signed,
    locate: (index) => points.locations[index],
    describe: (index) => yearItemLabel(space, points.years[Math.floor(index / space.size)], index % space.size),
  });
  const series = yearlySeries(points, space.size, frame.time, options, subject, context.at(childPath(path, source.csv !== undefined ? 'csv' : 'values')));
  checkValues(series, {
    subject: `${subject} as extrapolated`,
    signed,
    locate: () => context.at(childPath(path, 'extrapolate')),
    describe: (index) => yearItemLabel(space, frame.time.start + Math.floor(index / space.size), index % space.size),
  });
  return series;
}
