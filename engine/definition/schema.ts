import { z } from 'zod';
import { emissionsSchema, gwpSchema } from './emissionsSchema.js';
import { forecastSchema } from './forecastDriver.js';
import { indicatorsSchema, targetsSchema } from './indicatorsSchema.js';
import { librariesSchema } from './librariesSchema.js';
import { numberTree } from './numberTree.js';
import { observationsSchema } from './observationsSchema.js';

/**
 * The raw model file format, as written: shorthand forms included, nothing resolved. Objects are
 * strict so that a typo in a key is an error, not a silently ignored setting. What the format
 * cannot say by shape alone (names that must exist, exactly one of two keys, signs, years) is
 * checked by the loader, which knows the line of every path.
 */

/** Processes, drivers, parameters, stocks, dimensions: identifiers, so expressions can name them. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Dimension items, scenario names and flow ids may also contain `-`. */
export const LABEL_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

const name = z.string().regex(NAME_PATTERN);
const label = z.string().regex(LABEL_PATTERN);
const expression = z.union([z.string().min(1), z.number()]).describe('an expression in mathjs syntax, or a number');
const unit = z.union([z.string().min(1), z.literal(1)]).describe('a unit in mathjs syntax (kg/person/d, t, m^2), or 1 for none');
const dims = z.array(name).describe('dimensions, by name');

export { numberTree, type NumberTree } from './numberTree.js';

export const INTERPOLATIONS = ['linear', 'step'] as const;
export const EXTRAPOLATIONS = ['error', 'constant', 'linear'] as const;
export const SURVIVAL_CONVENTIONS = ['integer-age', 'survival-mid-year', 'survival-year-average', 'density-mid-year'] as const;
/** Names of earlier versions, still read as the convention they always meant. */
export const SURVIVAL_ALIASES = { 'mid-year': 'survival-mid-year', quadrature: 'survival-year-average' } as const;
const survivalConvention = z
  .enum([...SURVIVAL_CONVENTIONS, ...(Object.keys(SURVIVAL_ALIASES) as (keyof typeof SURVIVAL_ALIASES)[])])
  .describe('integer-age (S at whole ages, ODYM) | survival-mid-year (S at age + 1/2) | survival-year-average (S averaged over the inflow year) | density-mid-year (discards f(age + 1/2), the UNU e-waste tools); mid-year and quadrature are older names of the second and third');
export const STOCK_KINDS = ['accumulate', 'inflow-driven', 'stock-driven'] as const;

/** Where a series comes from (a driver, or a scenario's replacement of one). */
const seriesSource = {
  csv: z.string().min(1).optional().describe('CSV file, relative to the model file'),
  values: numberTree.optional().describe('inline values: { 2015: 1.0, … } or per item { food: { 2015: … } }'),
  interpolate: z.enum(INTERPOLATIONS).optional().describe('between given years (default linear)'),
  extrapolate: z.enum(EXTRAPOLATIONS).optional().describe('outside the given years (default error)'),
};

const driver = z.strictObject({ unit, dims: dims.optional(), ...seriesSource, signed: z.boolean().optional(), forecast: forecastSchema.optional() });

const parameter = z.union([
  z.number(),
  z.strictObject({
    value: numberTree.optional().describe('a number, or a map item -> number over dims'),
    expression: expression.optional().describe('a derived quantity'),
    unit: unit.optional(),
    dims: dims.optional(),
    signed: z.boolean().optional().describe('allow negative values'),
  }),
]);

const process = z.union([name, z.strictObject({ name, stage: z.int().min(0).optional(), label: z.string().optional() })]);

const flow = z.strictObject({
  from: z.string().describe('a process or outside'),
  to: z.string().describe('a process or outside'),
  value: expression.optional().describe('mass per year'),
  share: expression.optional().describe('share of the source process outflow, or rest'),
  demand: z.literal(true).optional().describe('the inflow a stock-driven stock needs'),
  balance: expression.optional().describe('from outside: the total inflow the target process needs; this flow brings what its other inflows leave short of it'),
  id: label.optional().describe('unique id (default from->to)'),
  label: z.string().min(1).optional().describe('how figures name the flow (default: made from its id)'),
  tags: z.array(name).optional().describe('names of groups of flows: an indicator names a tag for the sum of its flows'),
  waste: z.boolean().optional().describe('a waste stream: its peaks are reported in the summary'),
});

const meanOnly = z.strictObject({ mean: expression });
const meanAndSd = z.strictObject({ mean: expression, sd: expression });
const shapeAndScale = z.strictObject({ shape: expression, scale: expression });
/** One key naming the distribution; the loader checks that exactly one is given. */
export const lifetimeSchema = z.strictObject({
  fixed: meanOnly.optional(),
  normal: meanAndSd.optional(),
  'folded-normal': meanAndSd.optional(),
  lognormal: meanAndSd.optional(),
  weibull: shapeAndScale.optional(),
  gamma: shapeAndScale.optional(),
  exponential: meanOnly.optional(),
  table: z.array(z.number()).min(1).optional().describe('share surviving at ages 0, 1, 2, …'),
});

const stock = z.strictObject({
  process: z.string(),
  kind: z.enum(STOCK_KINDS),
  lifetime: lifetimeSchema.optional(),
  target: expression.optional().describe('stock-driven: stock level at the end of each year'),
  negative_inflow_correction: z.boolean().optional(),
  waste: z.boolean().optional().describe('false: what leaves the stock is not waste generated (an account kept apart, e.g. waste a flow already counts)'),
  survival: survivalConvention.optional().describe('this stock\'s survival convention (default: the model\'s)'),
  initial: z
    .strictObject({
      dims: dims.optional(),
      csv: z.string().min(1).optional(),
      cohorts: numberTree.optional(),
      lifetime: lifetimeSchema.optional().describe('the initial cohorts\' own lifetime: expressions of value parameters and year (the cohort\'s year)'),
    })
    .optional()
    .describe('stock by cohort at the end of the year before time.start'),
});

const override = z.union([
  z.number(),
  z.strictObject({
    value: numberTree.optional(),
    ramp: z.strictObject({ from: z.int(), to: z.int(), to_value: numberTree }).optional(),
    ...seriesSource,
    forecast: forecastSchema.optional().describe('project the driver\'s history with another forecast'),
  }),
]);

export const modelSchema = z.strictObject({
  $schema: z.string().optional(),
  metabolis: z.literal(1).describe('format version'),
  name: z.string().min(1),
  time: z.strictObject({ start: z.number(), end: z.number() }).describe('inclusive range of years'),
  unit: z.string().min(1).describe('mass unit of every flow (per year) and stock'),
  survival: survivalConvention.optional(),
  units: z.array(name).optional().describe('extra count units'),
  dimensions: z.record(name, z.array(label).min(1)).optional(),
  drivers: z.record(name, driver).optional(),
  parameters: z.record(name, parameter).optional(),
  processes: z.array(process).min(1),
  flows: z.array(flow).optional(),
  stocks: z.record(name, stock).optional(),
  scenarios: z.record(label, z.record(z.string(), override)).optional(),
  indicators: indicatorsSchema.optional(),
  targets: targetsSchema.optional(),
  libraries: librariesSchema.optional(),
  gwp: gwpSchema.optional(),
  emissions: emissionsSchema.optional(),
  observations: observationsSchema.optional(),
  // Checked by the sweep loader (engine/sweep/spec), which owns that format; a model run ignores it.
  sweep: z.record(z.string(), z.unknown()).optional().describe('a parameter sweep of this model (see the README, Sweeps)'),
});

export type RawModel = z.infer<typeof modelSchema>;
export type RawDriver = z.infer<typeof driver>;
export type RawParameter = z.infer<typeof parameter>;
export type RawFlow = z.infer<typeof flow>;
export type RawStock = z.infer<typeof stock>;
export type RawLifetime = z.infer<typeof lifetimeSchema>;
export type RawOverride = z.infer<typeof override>;
export type RawSeriesSource = Pick<RawDriver, 'csv' | 'values' | 'interpolate' | 'extrapolate'>;
