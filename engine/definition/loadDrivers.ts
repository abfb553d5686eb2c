import { checkValues } from './checkValues.js';
import { readCsvData } from './dataTable.js';
import { dimensionSpace, type DimensionSpace } from './dimensionSpace.js';
import { readInlineSeries } from './inlineSeries.js';
import type { LoadContext } from './loadContext.js';
import type { RawDriver, RawSeriesSource } from './schema.js';
import { yearlySeries, type SeriesOptions } from './series.js';
import { childPath } from './sourceMap.js';
import type { DimensionDefinition, DriverDefinition } from './types.js';
import { unknownNameError } from '../errors.js';
import { forecastSeries, type CovariateLookup, type DriverForecastDefinition, type RawForecast } from './forecastDriver.js';
import type { YearPoints } from './yearPoints.js';
import { yearItemLabel } from './yearPoints.js';

/** What the rest of the loader needs to know about a model: its horizon and dimensions. */
export interface ModelFrame {
  readonly time: { readonly start: number; readonly end: number };
  readonly dimensions: readonly DimensionDefinition[];
}

/** A driver with what a scenario needs to replace its series the same way, or project its history another way. */
export interface LoadedDriver {
  readonly definition: DriverDefinition;
  readonly space: DimensionSpace;
  readonly signed: boolean;
  readonly options: SeriesOptions;
  /** The years and values the file gives (the history of a forecast driver). */
  readonly points: YearPoints;
}

/**
 * Drivers in the order the file gives them. Drivers without a forecast are read first: a
 * regression forecast reads another driver, which must be one of those.
 */
export function loadDrivers(drivers: Readonly<Record<string, RawDriver>>, frame: ModelFrame, context: LoadContext): LoadedDriver[] {
  const loaded = new Map<string, LoadedDriver>();
  const entries = Object.entries(drivers);
  const covariate = covariateLookup(Object.keys(drivers), loaded, frame, context);
  for (const [name, raw] of [...entries.filter(([, raw]) => raw.forecast === undefined), ...entries.filter(([, raw]) => raw.forecast !== undefined)]) {
    const path = childPath('drivers', name);
    const space = dimensionSpace(raw.dims ?? [], frame, childPath(path, 'dims'), context, `driver ${name}`);
    const options: SeriesOptions = { interpolate: raw.interpolate ?? 'linear', extrapolate: raw.extrapolate ?? 'error' };
    const signed = raw.signed ?? false;
    const driver = { name, space, signed };
    const points = driverPoints(raw, driver, path, context);
    let values: Float64Array;
    let forecast: DriverForecastDefinition | undefined;
    if (raw.forecast === undefined) values = checkedSeries(points, options, driver, raw.csv !== undefined ? 'csv' : 'values', path, frame, context);
    else ({ values, forecast } = projectedSeries(points, raw.forecast, options, driver, path, frame, context, covariate));
    loaded.set(name, { definition: { name, unit: String(raw.unit), dims: space.dims, values, forecast, path }, space, signed, options, points });
  }
  return entries.map(([name]) => loaded.get(name)!);
}

type DriverIdentity = { readonly name: string; readonly space: DimensionSpace; readonly signed: boolean };

/**
 * A driver's series for every model year from `csv` or inline `values` (exactly one), checked
 * for signs both as given and as extrapolated (a line continued past the data can go negative).
 */
export function driverSeries(source: RawSeriesSource, options: SeriesOptions, driver: DriverIdentity, path: string, frame: ModelFrame, context: LoadContext): Float64Array {
  return checkedSeries(driverPoints(source, driver, path, context), options, driver, source.csv !== undefined ? 'csv' : 'values', path, frame, context);
}

/** The years and values `csv` or `values` give (exactly one), checked for sign. */
function driverPoints(source: RawSeriesSource, driver: DriverIdentity, path: string, context: LoadContext): YearPoints {
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
  return points;
}

/** Every model year from the given points, checked for sign as extrapolated. */
export function checkedSeries(points: YearPoints, options: SeriesOptions, driver: DriverIdentity, sourceKey: string, path: string, frame: ModelFrame, context: LoadContext): Float64Array {
  const series = yearlySeries(points, driver.space.size, frame.time, options, `driver ${driver.name}`, context.at(childPath(path, sourceKey)));
  checkExtended(series, driver, 'extrapolate', path, frame, context);
  return series;
}

/** The history projected by a forecast, its projection checked for sign too (a trend can cross zero). */
export function projectedSeries(
  points: YearPoints,
  raw: RawForecast,
  options: SeriesOptions,
  driver: DriverIdentity,
  path: string,
  frame: ModelFrame,
  context: LoadContext,
  covariate: CovariateLookup,
): { values: Float64Array; forecast: DriverForecastDefinition } {
  const forecastPath = childPath(path, 'forecast');
  const { series, forecast } = forecastSeries(points, raw, options, driver, forecastPath, frame, context, covariate);
  checkExtended(series, driver, 'forecast', path, frame, context);
  return { values: series, forecast };
}

function checkExtended(series: Float64Array, driver: DriverIdentity, key: string, path: string, frame: ModelFrame, context: LoadContext): void {
  checkValues(series, {
    subject: `driver ${driver.name} as ${key === 'forecast' ? 'projected' : 'extrapolated'}`,
    signed: driver.signed,
    locate: () => context.at(childPath(path, key)),
    describe: (index) => yearItemLabel(driver.space, frame.time.start + Math.floor(index / driver.space.size), index % driver.space.size),
  });
}

/** Another driver's values over a span of years (history years before the horizon included), for a regression. */
export function covariateLookup(names: readonly string[], loaded: ReadonlyMap<string, LoadedDriver>, frame: ModelFrame, context: LoadContext): CovariateLookup {
  return (name, years, path) => {
    if (!names.includes(name)) throw unknownNameError('driver', name, names, context.at(path));
    const other = loaded.get(name);
    if (other === undefined || other.definition.forecast !== undefined) {
      throw context.fail(`invalid forecast: ${name} has a forecast of its own`, path, 'a regression is on a driver given by data: give that driver csv or values without forecast');
    }
    const first = Math.min(years.first, frame.time.start);
    const series = yearlySeries(other.points, other.space.size, { start: first, end: years.last }, other.options, `driver ${name}, the regression's covariate,`, context.at(other.definition.path));
    return { series, size: other.space.size, first };
  };
}
