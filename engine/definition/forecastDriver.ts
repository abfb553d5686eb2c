import { z } from 'zod';
import { fitForecast } from '../forecast/fitForecast.js';
import { FORECAST_METHODS, REGRESSION_FORMS, type ForecastFit, type ForecastSpec, type Series } from '../forecast/forecastTypes.js';
import type { DimensionSpace } from './dimensionSpace.js';
import type { LoadContext } from './loadContext.js';
import { yearlySeries, type SeriesOptions } from './series.js';
import { childPath } from './sourceMap.js';
import type { YearPoints } from './yearPoints.js';

/** `forecast:` of a driver (or of a scenario's override of one): the method that projects its history. */
export const forecastSchema = z
  .strictObject({
    method: z.enum(FORECAST_METHODS),
    damped: z.boolean().optional().describe('holt: damped trend'),
    alpha: z.number().optional(),
    beta: z.number().optional(),
    phi: z.number().optional(),
    saturation: z.number().optional().describe('logistic, gompertz: the upper asymptote, fitted when not given'),
    form: z.enum(REGRESSION_FORMS).optional().describe('regression: linear | log-log | saturating'),
    on: z.string().optional().describe('regression: the driver the series is regressed on'),
    coefficients: z.record(z.string(), z.number()).optional().describe('regression: coefficients given instead of fitted (all, some or none)'),
    level: z.number().optional().describe('coverage of the prediction interval (default 0.95)'),
  })
  .describe('fit a forecast to the given years and project the years after them');

export type RawForecast = z.infer<typeof forecastSchema>;

/** What a model says of a forecast driver: the method, and per item the fit it gave (for validate and reports). */
export interface DriverForecastDefinition {
  readonly spec: ForecastSpec;
  readonly level: number;
  /** The driver a regression is on. */
  readonly on: string | undefined;
  /** The last observed year: later years are projected. */
  readonly lastObserved: number;
  /** What was fitted, so that a sweep can fit again and sample the prediction interval: per item, and the covariate. */
  readonly history: { readonly years: Float64Array; readonly values: readonly Float64Array[] };
  readonly covariate: { readonly years: Float64Array; readonly values: readonly Float64Array[] } | undefined;
  readonly fits: readonly ForecastSummary[];
  readonly path: string;
}

/** A fit as plain data. */
export interface ForecastSummary {
  /** The item's label ('' for a scalar driver). */
  readonly item: string;
  readonly description: string;
  readonly parameters: ForecastFit['parameters'];
  readonly goodness: ForecastFit['goodness'];
  readonly interval: ForecastFit['interval'];
}

/** A covariate's values at arbitrary years: the series of another driver, for a regression. */
export type CovariateLookup = (name: string, years: { first: number; last: number }, path: string) => { series: Float64Array; size: number; first: number };

/**
 * A driver's series with its years after the last observed one projected by `forecast`: each
 * item's history (its given years, which must follow each other) is fitted once, at load; the
 * observed years are used as they are. Years before the first observed one follow `extrapolate`.
 * A fit that cannot be made is a ModelError at the forecast, with the kernel's message and hint.
 */
export function forecastSeries(
  points: YearPoints,
  raw: RawForecast,
  options: SeriesOptions,
  driver: { readonly name: string; readonly space: DimensionSpace },
  path: string,
  frame: { readonly time: { readonly start: number; readonly end: number } },
  context: LoadContext,
  covariate: CovariateLookup,
): { series: Float64Array; forecast: DriverForecastDefinition; fits: ForecastFit[] } {
  const { space } = driver;
  const spec = forecastSpec(raw, path, context);
  const level = raw.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw context.fail(`invalid forecast level: ${level}`, childPath(path, 'level'), 'the coverage of the prediction interval lies strictly between 0 and 1, e.g. 0.95');
  const years = Float64Array.from(points.years);
  const first = points.years[0];
  const last = points.years[points.years.length - 1];
  const { end } = frame.time;
  const projected = Float64Array.from({ length: Math.max(0, end - last) }, (_, i) => last + 1 + i);
  const on = spec.method === 'regression' ? covariate(raw.on!, { first, last: end }, childPath(path, 'on')) : undefined;
  const fits: ForecastFit[] = [];
  const summaries: ForecastSummary[] = [];
  const histories: Float64Array[] = [];
  const covariates: Float64Array[] = [];
  const covariateYears = Float64Array.from({ length: end - first + 1 }, (_, i) => first + i);
  const extended = new Float64Array((points.years.length + projected.length) * space.size);
  for (let k = 0; k < space.size; k++) {
    const values = Float64Array.from(points.years, (_, j) => points.values[j * space.size + k]);
    const covariateSeries: Series | undefined = on && {
      years: covariateYears,
      values: Float64Array.from(covariateYears, (year) => on.series[(year - on.first) * on.size + (on.size === 1 ? 0 : k)]),
    };
    histories.push(values);
    if (covariateSeries) covariates.push(covariateSeries.values);
    const result = fitForecast({ years, values }, spec, { level, covariate: covariateSeries, until: end });
    const item = space.itemLabel(k);
    if (!result.ok) {
      throw context.fail(`invalid forecast: driver ${driver.name}${item ? ` (${item})` : ''}: ${result.message}`, path, result.hint);
    }
    fits.push(result.fit);
    summaries.push({ item, description: result.fit.description, parameters: result.fit.parameters, goodness: result.fit.goodness, interval: result.fit.interval });
    for (let j = 0; j < points.years.length; j++) extended[j * space.size + k] = values[j];
    const point = result.fit.project(projected).point;
    for (let j = 0; j < projected.length; j++) extended[(points.years.length + j) * space.size + k] = point[j];
  }
  const allYears = [...points.years, ...projected];
  const series = yearlySeries({ years: allYears, values: extended, locations: [] }, space.size, frame.time, options, `driver ${driver.name}`, context.at(path));
  const forecast: DriverForecastDefinition = {
    spec,
    level,
    on: raw.on,
    lastObserved: last,
    fits: summaries,
    history: { years, values: histories },
    covariate: on ? { years: covariateYears, values: covariates } : undefined,
    path,
  };
  return { series, fits, forecast };
}

function forecastSpec(raw: RawForecast, path: string, context: LoadContext): ForecastSpec {
  const allowed: Readonly<Record<string, readonly (keyof RawForecast)[]>> = {
    holt: ['damped', 'alpha', 'beta', 'phi'],
    logistic: ['saturation'],
    gompertz: ['saturation'],
    regression: ['form', 'on', 'coefficients'],
  };
  for (const key of Object.keys(raw) as (keyof RawForecast)[]) {
    if (key === 'method' || key === 'level' || raw[key] === undefined) continue;
    if (!(allowed[raw.method] ?? []).includes(key)) throw context.fail(`invalid key for a ${raw.method} forecast: ${key}`, childPath(path, key), `a ${raw.method} forecast takes ${(allowed[raw.method] ?? []).join(', ') || 'no other keys'} (and level)`);
  }
  switch (raw.method) {
    case 'linear':
    case 'log-linear':
    case 'gm11':
      return { method: raw.method };
    case 'holt':
      return { method: 'holt', damped: raw.damped, alpha: raw.alpha, beta: raw.beta, phi: raw.phi };
    case 'logistic':
    case 'gompertz':
      return { method: raw.method, saturation: raw.saturation };
    case 'regression':
      if (raw.form === undefined || raw.on === undefined) throw context.fail('invalid regression forecast: give form and on', path, 'e.g. forecast: { method: regression, form: log-log, on: gdp_per_person }');
      return { method: 'regression', form: raw.form, coefficients: raw.coefficients };
  }
}
