import { wasteFlowMask } from '../../analysis/wasteFlows.js';
import type { CompiledModel } from '../../compile/compiledModel.js';
import { itemLabels } from '../../compile/dimensionIndex.js';
import { locate } from '../../definition/locate.js';
import { childPath } from '../../definition/sourceMap.js';
import { ModelError, unknownNameError } from '../../errors.js';
import type { OutputColumn } from '../sweepJob.js';
import { emissionSlots, TOTAL_ROUTE } from '../../carbon/emissionCatalog.js';
import type { EmissionMeasure, FactorSpec, OutputRecord, OutputSpec, SweepSpec } from './sweepSpec.js';

/** A factor bound to the model: what one input value changes in a run. */
export interface FactorBinding {
  readonly target: 'parameter' | 'driver';
  readonly symbol: string;
  readonly apply: 'set' | 'scale' | 'quantile';
  /** Items of the parameter or driver that the value applies to; null: all. */
  readonly items: Int32Array | null;
  /** Drivers: the year indices [first, last] (inclusive) scaled; null: every year. */
  readonly years: readonly [number, number] | null;
}

/** An output bound to the model: which series of a solution, which items, which years, which statistics. */
export interface OutputBinding {
  readonly name: string;
  readonly series: 'flow' | 'level' | 'inflow' | 'outflow' | 'derived';
  /** Index into the solution's flows (series 'flow'), stocks, or derived series (see emissionSlots). */
  readonly index: number;
  /** Items per year of that series. */
  readonly size: number;
  /** Items summed; null: all of them. */
  readonly items: Int32Array | null;
  /** Year indices [first, last], inclusive. */
  readonly first: number;
  readonly last: number;
  readonly record: readonly OutputRecord[];
}

/** A file whose paths messages point into. */
type Located = Pick<SweepSpec, 'file' | 'sourceMap'>;

export interface ResolvedSweep {
  readonly factors: readonly FactorBinding[];
  readonly outputs: readonly OutputBinding[];
  readonly columns: readonly OutputColumn[];
}

/**
 * Checks a sweep against its compiled model — every parameter, driver, scenario, flow, stock,
 * dimension and item it names, and the years it asks for — and binds names to indices. Mistakes
 * are ModelErrors at their place in the sweep file, with the nearest names as a hint.
 */
export function resolveSweep(spec: SweepSpec, model: CompiledModel): ResolvedSweep {
  const at = (path: string) => locate(spec, path);
  if (spec.scenario !== undefined && !model.scenarios.has(spec.scenario)) throw unknownNameError('scenario', spec.scenario, model.scenarios.keys(), at(childPath(spec.root, 'scenario')));
  const factors = spec.factors.map((factor) => bindFactor(factor, spec, model));
  const outputs = spec.outputs.map((output) => bindOutput(output, spec, model));
  return { factors, outputs, columns: outputs.flatMap((output) => columnsOf(output, model)) };
}

function bindFactor(factor: FactorSpec, spec: SweepSpec, model: CompiledModel): FactorBinding {
  const { definition } = model;
  const namePath = factor.target ? childPath(factor.path, factor.target) : factor.path;
  const parameter = definition.parameters.find((candidate) => candidate.name === factor.symbol);
  const driver = definition.drivers.find((candidate) => candidate.name === factor.symbol);
  const target = factor.target ?? (parameter ? 'parameter' : driver ? 'driver' : undefined);
  const values = definition.parameters.filter((candidate) => candidate.kind === 'value').map((candidate) => candidate.name);
  if (target === undefined || (target === 'parameter' && !parameter) || (target === 'driver' && !driver)) {
    const kind = target ?? 'parameter or driver';
    const candidates = target === 'driver' ? definition.drivers.map((d) => d.name) : target === 'parameter' ? values : [...values, ...definition.drivers.map((d) => d.name)];
    throw unknownNameError(kind, factor.symbol, candidates, locate(spec, namePath));
  }
  if (target === 'parameter' && parameter!.kind === 'expression') {
    throw new ModelError(`invalid factor: parameter ${factor.symbol} is computed by an expression`, locate(spec, factor.path), `vary the parameters and drivers its expression uses: ${parameter!.expression}`);
  }
  if (target === 'driver' && factor.apply === 'set') throw new ModelError('invalid apply: set', locate(spec, childPath(factor.path, 'apply')), 'a driver factor multiplies the driver series (apply: scale)');
  const yearsPath = childPath(factor.path, 'years');
  if (target === 'parameter' && factor.years !== undefined) {
    throw new ModelError(`invalid years: ${factor.symbol} is a parameter, with one value for every year`, locate(spec, yearsPath), 'remove years, or vary a driver: a driver factor can be limited to a span of years');
  }
  const replaced = spec.scenario === undefined ? undefined : definition.scenarios.find((scenario) => scenario.name === spec.scenario)!.overrides.find((override) => override.target === factor.symbol && override.kind !== 'ramp');
  if (replaced) {
    throw new ModelError(`invalid factor: scenario ${spec.scenario} replaces ${factor.symbol}, so varying it changes nothing`, locate(spec, factor.path), 'vary another input, or sweep another scenario');
  }
  if (factor.apply === 'quantile') {
    if (target !== 'driver' || driver!.forecast === undefined) {
      throw new ModelError(`invalid factor: driver ${factor.symbol} has no forecast to draw an interval from`, locate(spec, factor.path), `give the driver a forecast in the model (forecast: { method: … }), or scale it with a distribution instead`);
    }
    // Only the projected years have an interval: the observed ones stay as given.
    const projected: readonly [number, number] = [Math.max(driver!.forecast.lastObserved + 1, definition.time.start), definition.time.end];
    const asked = factor.years ?? projected;
    const span: [number, number] = [Math.max(asked[0], projected[0]), Math.min(asked[1], projected[1])];
    if (span[0] > span[1]) throw new ModelError(`invalid factor: driver ${factor.symbol} is observed in every year asked for`, locate(spec, factor.path), `its forecast projects ${projected[0]}–${projected[1]}`);
    const symbol = model.symbols[model.symbolIndex.get(factor.symbol)!];
    return { target, symbol: factor.symbol, apply: 'quantile', items: selectItems(symbol.dims, factor.items, `driver ${factor.symbol}`, childPath(factor.path, 'item'), spec, model), years: yearIndices(span, yearsPath, spec, model) };
  }
  const symbol = model.symbols[model.symbolIndex.get(factor.symbol)!];
  return {
    target,
    symbol: factor.symbol,
    apply: factor.apply ?? (target === 'driver' ? 'scale' : 'set'),
    items: selectItems(symbol.dims, factor.items, `${target} ${factor.symbol}`, childPath(factor.path, 'item'), spec, model),
    years: factor.years === undefined ? null : yearIndices(factor.years, yearsPath, spec, model),
  };
}

/** Binds one output to the model; `spec` only locates messages (an index file binds its model values through this too). */
export function bindOutput(output: OutputSpec, spec: Located, model: CompiledModel): OutputBinding {
  const { source } = output;
  const sourcePath = childPath(output.path, source.kind);
  let series: OutputBinding['series'];
  let index: number;
  let dims: readonly number[];
  if (source.kind === 'flow') {
    index = model.flows.findIndex((flow) => flow.id === source.id);
    if (index < 0) throw unknownNameError('flow', source.id, model.flows.map((flow) => flow.id), locate(spec, sourcePath));
    series = 'flow';
    dims = model.flows[index].dims;
  } else if (source.kind === 'stock') {
    index = model.stocks.findIndex((stock) => stock.name === source.id);
    if (index < 0) throw unknownNameError('stock', source.id, model.stocks.map((stock) => stock.name), locate(spec, sourcePath));
    series = source.measure;
    dims = model.stocks[index].dims;
  } else if (source.kind === 'emission') {
    ({ index, dims } = emissionSlot(source, sourcePath, spec, model));
    series = 'derived';
  } else if (source.kind === 'indicator') {
    // Indicators follow the emission series in Solution.derived.
    const position = model.indicators.findIndex((indicator) => indicator.name === source.id);
    if (position < 0) throw unknownNameError('indicator', source.id, model.indicators.map((indicator) => indicator.name), locate(spec, sourcePath));
    index = (model.emissions ? emissionSlots(model.emissions).length : 0) + position;
    dims = model.indicators[position].dims;
    series = 'derived';
  } else {
    const waste = wasteStreams(model);
    const stream = waste.find((candidate) => candidate.name === source.id);
    if (stream === undefined) {
      const error = unknownNameError('waste stream', source.id, waste.map((candidate) => candidate.name), locate(spec, sourcePath));
      throw new ModelError(`not a waste stream: ${source.id}`, error.at, `waste streams are the flows marked waste: true (in a model that marks none, the flows into an accumulating stock) and stock outflows; ${error.hint}`);
    }
    ({ series, index } = stream);
    dims = series === 'flow' ? model.flows[index].dims : model.stocks[index].dims;
  }
  const { start, end } = model.definition.time;
  const [first, last] = yearIndices(output.years ?? [start, end], childPath(output.path, 'years'), spec, model);
  return {
    name: output.name,
    series,
    index,
    size: dims.reduce((size, dim) => size * model.itemCounts[dim], 1),
    items: selectItems(dims, output.items, `${source.kind} ${source.id}`, childPath(output.path, 'item'), spec, model),
    first,
    last,
    record: output.record,
  };
}

/** Year indices (0 for the model's first year) of inclusive years, which must lie within the model's horizon. */
function yearIndices(years: readonly [number, number], path: string, spec: Located, model: CompiledModel): [number, number] {
  const { start, end } = model.definition.time;
  const [first, last] = years;
  if (first < start || last > end) throw new ModelError(`invalid years: [${first}, ${last}] is not within the model's horizon ${start}–${end}`, locate(spec, path), `choose years from ${start} to ${end}`);
  return [first - start, last - start];
}

/** The waste streams of a model, as solutionPeaks marks them (see wasteFlowMask), and the outflows of its stocks. */
/** The derived series of an emission output: a route's direct or credited CO2e, or a total (net only for the total). */
function emissionSlot(source: { id: string; measure: EmissionMeasure }, path: string, spec: Located, model: CompiledModel): { index: number; dims: readonly number[] } {
  if (!model.emissions) throw new ModelError(`invalid output: the model has no emissions`, locate(spec, path), 'emission outputs need an emissions section in the model');
  const slots = emissionSlots(model.emissions);
  const kind = source.measure === 'direct' ? 'emission' : source.measure === 'credit' ? 'credit' : 'net-emission';
  if (kind === 'net-emission' && source.id !== TOTAL_ROUTE) throw new ModelError(`invalid measure: net is for the total over routes`, locate(spec, path), `write { emission: ${TOTAL_ROUTE}, measure: net }; a route's own are direct and credit`);
  const index = slots.findIndex((slot) => slot.kind === kind && slot.id === source.id);
  if (index >= 0) return { index, dims: slots[index].dims };
  const routes = [...new Set(slots.map((slot) => slot.id))];
  if (!routes.includes(source.id)) throw unknownNameError('emission route', source.id, routes, locate(spec, path));
  throw new ModelError(`invalid measure: route ${source.id} has no ${source.measure} emissions`, locate(spec, path), `its measures: ${slots.filter((slot) => slot.id === source.id).map((slot) => (slot.kind === 'emission' ? 'direct' : 'credit')).join(', ')}`);
}

function wasteStreams(model: CompiledModel): { name: string; series: 'flow' | 'outflow'; index: number }[] {
  const { flows, stocks } = model.definition;
  const waste = wasteFlowMask(flows, new Set(stocks.filter((stock) => stock.kind === 'accumulate').map((stock) => stock.process)));
  return [
    ...model.flows.flatMap((flow, index) => (waste[index] ? [{ name: flow.id, series: 'flow' as const, index }] : [])),
    ...model.stocks.flatMap((stock, index) => (stock.kind === 'accumulate' ? [] : [{ name: stock.name, series: 'outflow' as const, index }])),
  ];
}

/**
 * The items of an array over `dims` that a selection picks: `{ stream: paper }` keeps the items
 * whose stream is paper (summing or setting over the other dimensions); a bare item name works
 * for an array over one dimension.
 */
function selectItems(dims: readonly number[], selection: Readonly<Record<string, string>> | undefined, subject: string, path: string, spec: Located, model: CompiledModel): Int32Array | null {
  if (selection === undefined) return null;
  const dimensions = model.definition.dimensions;
  const names = dims.map((dim) => dimensions[dim].name);
  if (dims.length === 0) throw new ModelError(`invalid item: ${subject} has no dimensions`, locate(spec, path), 'remove item: the value is a single number per year');
  const wanted = new Map<number, string>();
  for (const [name, item] of Object.entries(selection)) {
    if (name === '' && dims.length > 1) throw new ModelError(`invalid item: ${subject} is over ${names.join(', ')}`, locate(spec, path), `name the dimension: item: { ${names[0]}: ${item} }`);
    const position = name === '' ? 0 : names.indexOf(name);
    if (position < 0) throw unknownNameError(`dimension of ${subject}`, name, names, locate(spec, childPath(path, name)));
    const items = dimensions[dims[position]].items;
    if (!items.includes(item)) throw unknownNameError(`item of ${names[position]}`, item, items, locate(spec, name === '' ? path : childPath(path, name)));
    wanted.set(position, item);
  }
  const labels = itemLabels(dims, dimensions.map((dimension) => dimension.items));
  const picked = labels.flatMap((label, k) => ([...wanted].every(([position, item]) => label[position] === item) ? [k] : []));
  return Int32Array.from(picked);
}

function columnsOf(output: OutputBinding, model: CompiledModel): OutputColumn[] {
  const columns: OutputColumn[] = [];
  const start = model.definition.time.start;
  for (const record of output.record) {
    if (record === 'series') for (let t = output.first; t <= output.last; t++) columns.push({ output: output.name, statistic: 'value', year: start + t });
    if (record === 'peak') {
      for (const statistic of ['peak_year', 'peak_value', 'peak_status'] as const) columns.push({ output: output.name, statistic, year: undefined });
    }
    if (record === 'total') columns.push({ output: output.name, statistic: 'total', year: undefined });
  }
  return columns;
}
