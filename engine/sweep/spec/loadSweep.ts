import { basename } from 'node:path';
import { z } from 'zod';
import { createLoadContext, type LoadContext } from '../../definition/loadContext.js';
import { parseModelText } from '../../definition/parseModelText.js';
import { schemaError } from '../../definition/schemaIssues.js';
import { childPath } from '../../definition/sourceMap.js';
import { ModelError } from '../../errors.js';
import { count, LIMITS, limitError } from '../../definition/limits.js';
import { checkDistribution, MAX_SOBOL_DIMENSIONS, saltelliRunsPerBase, type Distribution } from '../design/index.js';
import { distributionSchemas, embeddedSweepSchema, sweepFileSchema, type RawFactor, type RawOutput, type RawSweep } from './sweepSchema.js';
import { EMISSION_MEASURES, STOCK_MEASURES, type EmissionMeasure, type FactorSpec, type OutputRecord, type OutputSpec, type SamplerName, type StockMeasure, type SweepSpec } from './sweepSpec.js';

const DISTRIBUTION_KEYS = Object.keys(distributionSchemas) as (keyof typeof distributionSchemas)[];
const UNBOUNDED = new Set(['normal', 'lognormal']);

/**
 * Parses and checks a sweep: a file of its own (`metabolis-sweep: 1`, `model: …`) or the `sweep:`
 * section of a model file. Text in, SweepSpec out, or a ModelError with the file, the line, the
 * path in the file and what to do — the same errors as model files. Names are checked against
 * the model later, by resolveSweep.
 */
export function loadSweepFromText(text: string, file: string, overrides: SweepOverrides = {}): SweepSpec {
  const { data, sourceMap } = parseModelText(text, file);
  const context = createLoadContext(file, sourceMap, {
    readFile: (path) => {
      throw new Error(`a sweep reads no data files (asked for ${path})`);
    },
  });
  const record = (data ?? {}) as Record<string, unknown>;
  if (typeof data === 'object' && data !== null && 'metabolis-sweep' in record) {
    const parsed = sweepFileSchema.safeParse(data);
    if (!parsed.success) throw schemaError(parsed.error.issues, sweepFileSchema, data, context, 'the sweep file');
    return buildSpec({ ...parsed.data, ...definedOnly(overrides) }, parsed.data.model, '', context);
  }
  if (typeof data === 'object' && data !== null && 'sweep' in record) {
    const wrapper = z.looseObject({ sweep: embeddedSweepSchema });
    const parsed = wrapper.safeParse(data);
    if (!parsed.success) throw schemaError(parsed.error.issues, wrapper, data, context);
    return buildSpec({ ...parsed.data.sweep, ...definedOnly(overrides) }, basename(file), 'sweep', context);
  }
  throw new ModelError('not a sweep: the file has neither metabolis-sweep nor a sweep section', { file, path: '', line: 1 }, 'a sweep file starts with `metabolis-sweep: 1` and `model: model.yaml`; see the Sweeps section of the README');
}

/** Settings given on the command line, which take the place of the file's. */
export interface SweepOverrides {
  readonly sampler?: SamplerName;
  readonly n?: number;
  readonly seed?: number;
}

function definedOnly(overrides: SweepOverrides): SweepOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

function buildSpec(raw: RawSweep, model: string, base: string, context: LoadContext): SweepSpec {
  const at = (key: string) => childPath(base, key);
  const grid = raw.sampler === 'grid';
  if (grid && raw.n !== undefined) throw context.fail('invalid n: the grid sampler runs every combination of the levels', at('n'), 'remove n: the number of runs is the product of the numbers of levels');
  if (!grid && raw.n === undefined) throw context.fail('missing key: n', at('sampler'), `the ${raw.sampler} sampler needs n (${raw.sampler === 'sobol' ? 'base points' : raw.sampler === 'morris' ? 'trajectories' : 'runs'})`);
  const levels = raw.levels ?? 4;
  if (levels % 2 !== 0) throw context.fail(`invalid levels: ${levels}`, at('levels'), 'Morris grids have an even number of levels, e.g. 4');
  const placement = raw.placement ?? 'grid';
  const factors = Object.entries(raw.factors).map(([name, factor]) => buildFactor(name, factor, raw, childPath(at('factors'), name), context));
  if (factors.length === 0) throw context.fail('invalid factors: none given', at('factors'), 'a sweep varies at least one parameter or driver');
  if (raw.sampler === 'morris' && placement === 'grid') {
    const unbounded = factors.find((factor) => factor.distribution !== undefined && isUnbounded(factor.distribution));
    if (unbounded) {
      throw context.fail(
        `invalid placement: grid puts Morris levels at 0 and 1, where the ${unbounded.distribution!.kind} distribution of ${unbounded.name} is infinite`,
        at('placement'),
        'write placement: centred (levels at the middles of p equal strata), or bound the distribution',
      );
    }
  }
  checkDesignSize(raw, factors.length, at, context);
  const outputs = Object.entries(raw.outputs).map(([name, output]) => buildOutput(name, output, childPath(at('outputs'), name), context));
  if (outputs.length === 0) throw context.fail('invalid outputs: none given', at('outputs'), 'record at least one flow, stock or waste series');
  return {
    file: context.file,
    model,
    root: base,
    scenario: raw.scenario,
    sampler: raw.sampler,
    n: raw.n,
    seed: raw.seed ?? 0,
    secondOrder: raw.second_order ?? true,
    levels,
    placement,
    factors,
    outputs,
    sourceMap: context.sourceMap,
  };
}

/**
 * The design within LIMITS.sweepRuns, and Sobol' designs within the dimensions of the direction
 * numbers, checked before any design is made (a design may allocate a value per run).
 */
function checkDesignSize(raw: RawSweep, factors: number, at: (key: string) => string, context: LoadContext): void {
  const n = raw.n ?? 0;
  if (raw.sampler === 'sobol' && 2 * factors > MAX_SOBOL_DIMENSIONS) {
    throw context.fail(`too many factors: ${factors} for the sobol sampler, at most ${Math.floor(MAX_SOBOL_DIMENSIONS / 2)}`, at('factors'), `its design draws from a Sobol' sequence of twice as many dimensions, and the direction numbers give ${MAX_SOBOL_DIMENSIONS}; use morris to screen the factors first`);
  }
  const runs = ((): number => {
    switch (raw.sampler) {
      case 'sobol':
        return n * saltelliRunsPerBase(factors, raw.second_order ?? true);
      case 'morris':
        return n * (factors + 1); // a trajectory moves one factor at a time from its start
      case 'grid':
        return Object.values(raw.factors).reduce((product, factor) => product * (factor.levels?.length ?? 1), 1);
      default:
        return n;
    }
  })();
  if (runs > LIMITS.sweepRuns) {
    throw limitError(`too many runs: the ${raw.sampler} design has ${count(runs)}, more than ${count(LIMITS.sweepRuns)}`, context.at(at(raw.sampler === 'grid' ? 'factors' : 'n')), 'reduce n or the number of levels, or split the sweep into shards (--shard k/K) of a smaller one');
  }
}

function buildFactor(name: string, raw: RawFactor, sweep: RawSweep, path: string, context: LoadContext): FactorSpec {
  if (raw.parameter !== undefined && raw.driver !== undefined) throw context.fail(`invalid factor: ${name} names both a parameter and a driver`, path, 'a factor varies one parameter or one driver');
  const target = raw.parameter !== undefined ? 'parameter' : raw.driver !== undefined ? 'driver' : undefined;
  if (target === 'driver' && raw.apply === 'set') throw context.fail(`invalid apply: set`, childPath(path, 'apply'), 'a driver factor multiplies the driver series (apply: scale); it has no single value to set');
  if (raw.forecast !== undefined) return forecastFactor(name, raw, sweep, path, context);
  const given = [...DISTRIBUTION_KEYS, 'levels' as const].filter((key) => raw[key] !== undefined);
  if (given.length !== 1) {
    const hint = `give one of ${DISTRIBUTION_KEYS.join(', ')}${sweep.sampler === 'grid' ? ', or levels: [..] for the grid sampler' : ''}`;
    throw context.fail(`invalid factor: ${name} needs exactly one distribution${given.length > 1 ? ` (has ${given.join(' and ')})` : ''}`, path, hint);
  }
  const [kind] = given;
  if ((kind === 'levels') !== (sweep.sampler === 'grid')) {
    throw context.fail(
      kind === 'levels' ? `invalid factor: levels are for the grid sampler, not ${sweep.sampler}` : `invalid factor: the grid sampler needs levels, not a ${kind} distribution`,
      childPath(path, kind),
      kind === 'levels' ? 'give a distribution (uniform, normal, …), or use sampler: grid' : 'write levels: [v1, v2, …]',
    );
  }
  if (raw.years !== undefined) checkYearOrder(raw.years, childPath(path, 'years'), context);
  const distribution = kind === 'levels' ? undefined : toDistribution(kind, raw);
  if (distribution) {
    const problem = checkDistribution(distribution);
    if (problem !== undefined) throw context.fail(problem, childPath(path, kind), 'see the distributions in the Sweeps section of the README');
  }
  return {
    name,
    target,
    symbol: raw.parameter ?? raw.driver ?? name,
    items: itemSelection(raw.item),
    apply: raw.apply,
    distribution,
    levels: kind === 'levels' ? raw.levels : undefined,
    years: raw.years,
    label: raw.label,
    path,
  };
}

/**
 * `{ driver: x, forecast: interval }`: the run's value is a probability p, drawn uniformly, and the
 * driver's projected years take its forecast's p-quantile: a whole path at one probability.
 */
function forecastFactor(name: string, raw: RawFactor, sweep: RawSweep, path: string, context: LoadContext): FactorSpec {
  if (raw.parameter !== undefined) throw context.fail(`invalid factor: ${name} draws a forecast interval, which only drivers have`, childPath(path, 'parameter'), 'name a driver with a forecast: { driver: <name>, forecast: interval }');
  for (const key of [...DISTRIBUTION_KEYS, 'apply'] as const) {
    if (raw[key] !== undefined) throw context.fail(`invalid factor: ${name} draws from the forecast interval and takes no ${key}`, childPath(path, key), 'the quantile p is drawn uniform on (0, 1); remove this key');
  }
  if (sweep.sampler === 'grid' && raw.levels === undefined) throw context.fail(`invalid factor: the grid sampler needs levels of p for ${name}`, path, 'write levels: [0.025, 0.5, 0.975]');
  if (sweep.sampler !== 'grid' && raw.levels !== undefined) throw context.fail(`invalid factor: levels are for the grid sampler, not ${sweep.sampler}`, childPath(path, 'levels'), 'remove levels');
  for (const level of raw.levels ?? []) {
    if (!(level > 0 && level < 1)) throw context.fail(`invalid level: ${level} is not a probability strictly between 0 and 1`, childPath(path, 'levels'), 'levels of a forecast interval are quantiles p, e.g. 0.025, 0.5, 0.975');
  }
  if (raw.years !== undefined) checkYearOrder(raw.years, childPath(path, 'years'), context);
  return {
    name,
    target: 'driver',
    symbol: raw.driver ?? name,
    items: itemSelection(raw.item),
    apply: 'quantile',
    distribution: raw.levels === undefined ? { kind: 'uniform', min: 0, max: 1 } : undefined,
    levels: raw.levels,
    years: raw.years,
    label: raw.label,
    path,
  };
}

function toDistribution(kind: (typeof DISTRIBUTION_KEYS)[number], raw: RawFactor): Distribution {
  switch (kind) {
    case 'uniform':
    case 'log-uniform':
      return { kind, min: raw[kind]!.min, max: raw[kind]!.max };
    case 'normal':
    case 'lognormal':
      return { kind, mean: raw[kind]!.mean, sd: raw[kind]!.sd };
    case 'truncated-normal': {
      const { mean, sd, min, max } = raw[kind]!;
      return { kind, mean, sd, min: min ?? -Infinity, max: max ?? Infinity };
    }
    case 'triangular':
      return { kind, ...raw[kind]! };
    case 'discrete':
      return { kind, values: raw[kind]!.values, weights: raw[kind]!.weights };
  }
}

function isUnbounded(distribution: Distribution): boolean {
  if (UNBOUNDED.has(distribution.kind)) return true;
  return distribution.kind === 'truncated-normal' && !(Number.isFinite(distribution.min) && Number.isFinite(distribution.max));
}

function itemSelection(item: RawFactor['item']): Readonly<Record<string, string>> | undefined {
  if (item === undefined) return undefined;
  return typeof item === 'string' ? { '': item } : item;
}

function buildOutput(name: string, raw: RawOutput, path: string, context: LoadContext): OutputSpec {
  const sources = (['flow', 'stock', 'waste', 'emission', 'indicator'] as const).filter((key) => raw[key] !== undefined);
  if (sources.length !== 1) {
    throw context.fail(`invalid output: ${name} needs exactly one of flow, stock, waste, emission and indicator`, path, 'e.g. { flow: collection->landfill }, { stock: appliances, measure: outflow }, { emission: total, measure: net } or { indicator: diversion }');
  }
  const [kind] = sources;
  const measures: Readonly<Record<string, readonly string[]>> = { stock: STOCK_MEASURES, emission: EMISSION_MEASURES };
  if (raw.measure !== undefined && !(measures[kind] ?? []).includes(raw.measure)) {
    const hint = measures[kind] ? `a ${kind} measure is one of ${measures[kind].join(', ')}` : `remove measure: a ${kind} has none`;
    throw context.fail(`invalid measure for a ${kind} output: ${raw.measure}`, childPath(path, 'measure'), hint);
  }
  if (raw.years !== undefined) checkYearOrder(raw.years, childPath(path, 'years'), context);
  const record: OutputRecord[] = raw.record === undefined ? ['series'] : typeof raw.record === 'string' ? [raw.record] : [...new Set(raw.record)];
  const order = (r: OutputRecord) => ['series', 'peak', 'total'].indexOf(r);
  const source: OutputSpec['source'] =
    kind === 'stock'
      ? { kind, id: raw.stock!, measure: (raw.measure as StockMeasure | undefined) ?? 'level' }
      : kind === 'emission'
        ? { kind, id: raw.emission!, measure: (raw.measure as EmissionMeasure | undefined) ?? 'direct' }
        : { kind, id: raw[kind] as string };
  return { name, source, items: itemSelection(raw.item), record: record.sort((a, b) => order(a) - order(b)), years: raw.years, label: raw.label, path };
}

function checkYearOrder(years: readonly [number, number], path: string, context: LoadContext): void {
  if (years[0] > years[1]) throw context.fail(`invalid years: ${years[0]} is after ${years[1]}`, path, 'write [first, last]');
}
