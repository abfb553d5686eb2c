import { unknownNameError } from '../errors.js';
import type { DimensionSpace } from './dimensionSpace.js';
import { checkedSeries, covariateLookup, driverSeries, projectedSeries, type LoadedDriver, type ModelFrame } from './loadDrivers.js';
import type { LoadContext } from './loadContext.js';
import { quantityValues, type LoadedParameter } from './loadParameters.js';
import type { RawOverride } from './schema.js';
import { childPath } from './sourceMap.js';
import type { DriverForecastDefinition } from './forecastDriver.js';
import type { OverrideDefinition, ScenarioDefinition } from './types.js';

type OverrideForm = Exclude<RawOverride, number>;
type Ramp = NonNullable<OverrideForm['ramp']>;

/**
 * Scenarios override parameters (a number or `{ value }` for every year, or a `ramp`) and
 * drivers (`{ csv }` or `{ values }` replace the series; a `ramp` bends it), by name.
 */
export function loadScenarios(
  scenarios: Readonly<Record<string, Readonly<Record<string, RawOverride>>>>,
  parameters: readonly LoadedParameter[],
  drivers: readonly LoadedDriver[],
  frame: ModelFrame,
  context: LoadContext,
): ScenarioDefinition[] {
  const targets = [...parameters.map((p) => p.definition.name), ...drivers.map((d) => d.definition.name)];
  return Object.entries(scenarios).map(([name, overrides]) => {
    const scenarioPath = childPath('scenarios', name);
    const loaded = Object.entries(overrides).map(([target, raw]): OverrideDefinition => {
      const path = childPath(scenarioPath, target);
      const form: OverrideForm = typeof raw === 'number' ? { value: raw } : raw;
      const data = form.csv !== undefined || form.values !== undefined;
      // A driver's own data projected another way: a forecast, or an extrapolation (no forecast).
      const projection = !data && (form.forecast !== undefined || form.extrapolate !== undefined);
      const forms = [form.value !== undefined, form.ramp !== undefined, data, projection].filter(Boolean).length;
      if (forms !== 1) {
        throw context.fail(
          `invalid override: ${target} needs exactly one of value, ramp, csv or values, and forecast or extrapolate`,
          path,
          'a number or { value } sets a parameter, { ramp } moves it, { csv } or { values } replace a driver, { forecast } or { extrapolate } project its data anew',
        );
      }
      if (!data && form.interpolate !== undefined) throw context.fail('invalid override: interpolate applies to csv or values', path, 'remove it, or give the new series as csv or values');
      const parameter = parameters.find((p) => p.definition.name === target);
      const driver = drivers.find((d) => d.definition.name === target);
      if (parameter) {
        const { space, signed } = parameter;
        if (!space) throw context.fail(`invalid override: ${target} is computed by an expression`, path, 'scenarios override value parameters and drivers; override what the expression uses instead');
        if (data) throw context.fail(`invalid override: ${target} is a parameter`, path, 'csv and values replace a driver; set a parameter with a number, { value } or { ramp }');
        const quantity = { subject: `parameter ${target}`, signed };
        if (form.ramp) return ramp(target, form.ramp, space, quantity, false, path, frame, context);
        const valuePath = typeof raw === 'number' ? path : childPath(path, 'value');
        return { kind: 'set-parameter', target, value: quantityValues(form.value!, space, quantity, valuePath, context, 'error'), path };
      }
      if (driver) {
        const { space, signed, options } = driver;
        const quantity = { subject: `driver ${target}`, signed };
        if (form.ramp) return ramp(target, form.ramp, space, quantity, true, path, frame, context);
        if (projection) return { kind: 'set-driver', target, ...reprojected(driver, form, drivers, path, frame, context), path };
        if (!data) throw context.fail(`invalid override: ${target} is a driver`, path, 'replace a driver with { csv } or { values }, or move it with { ramp }');
        context.values.add(frame.time.end - frame.time.start + 1, space.size, context.at(path));
        const seriesOptions = { interpolate: form.interpolate ?? options.interpolate, extrapolate: form.extrapolate ?? options.extrapolate };
        return { kind: 'set-driver', target, values: driverSeries(form, seriesOptions, { name: target, space, signed }, path, frame, context), path };
      }
      throw unknownNameError('parameter or driver', target, targets, context.at(path));
    });
    return { name, overrides: loaded, path: scenarioPath };
  });
}

/** The driver's own data projected by the override's forecast, or extended by its extrapolation alone. */
function reprojected(
  driver: LoadedDriver,
  form: OverrideForm,
  drivers: readonly LoadedDriver[],
  path: string,
  frame: ModelFrame,
  context: LoadContext,
): { values: Float64Array; forecast: DriverForecastDefinition | undefined } {
  const { space, signed, options, points } = driver;
  const identity = { name: driver.definition.name, space, signed };
  const seriesOptions = { interpolate: options.interpolate, extrapolate: form.extrapolate ?? options.extrapolate };
  if (form.forecast === undefined) return { values: checkedSeries(points, seriesOptions, identity, 'extrapolate', path, frame, context), forecast: undefined };
  const loaded = new Map(drivers.map((other) => [other.definition.name, other]));
  const covariate = covariateLookup([...loaded.keys()], loaded, frame, context);
  return projectedSeries(points, form.forecast, seriesOptions, identity, path, frame, context, covariate);
}

/**
 * A ramp ends after it starts and starts no later than the horizon ends; `to` may lie beyond it.
 * It moves from the base value in `from`: for a driver, whose base varies by year, `from` must
 * be a model year; a parameter's base is the same in every year, so an earlier `from` is fine.
 */
function ramp(
  target: string,
  raw: Ramp,
  space: DimensionSpace,
  quantity: { readonly subject: string; readonly signed: boolean },
  baseVaries: boolean,
  path: string,
  frame: ModelFrame,
  context: LoadContext,
): OverrideDefinition {
  const rampPath = childPath(path, 'ramp');
  const { start, end } = frame.time;
  if (raw.from >= raw.to) throw context.fail(`invalid ramp: from ${raw.from} is not before to ${raw.to}`, rampPath, 'a ramp moves from the base value in `from` to `to_value` in `to`, a later year');
  const earliest = baseVaries ? start : Number.NEGATIVE_INFINITY;
  if (raw.from > end || raw.from < earliest) {
    throw context.fail(`invalid ramp: from ${raw.from} is outside the horizon ${start}–${end}`, childPath(rampPath, 'from'), 'a ramp starts from the base value in a model year');
  }
  const toValue = quantityValues(raw.to_value, space, quantity, childPath(rampPath, 'to_value'), context, 'nan');
  return { kind: 'ramp', target, from: raw.from, to: raw.to, toValue, path };
}
