import { z } from 'zod';
import { LABEL_PATTERN, NAME_PATTERN } from '../../definition/schema.js';
import { EMISSION_MEASURES, SAMPLERS, OUTPUT_RECORDS, STOCK_MEASURES } from './sweepSpec.js';

/**
 * The sweep file format, as written. Objects are strict, so a misspelt key is an error; what the
 * shape cannot say (exactly one distribution, possible parameters, names in the model) is checked
 * by the loader and the resolver, which know where each thing is written.
 */
const name = z.string().regex(NAME_PATTERN);
const finite = z.number();
const items = z.union([z.string().regex(LABEL_PATTERN), z.record(name, z.string().regex(LABEL_PATTERN))]).describe('an item, or { dimension: item, … }');

const range = z.strictObject({ min: finite, max: finite });
const years = z.tuple([z.int(), z.int()]);
const label = z.string().min(1).describe('the name figures and tables show (default: the key)');
const meanSd = z.strictObject({ mean: finite, sd: finite });

/** The distribution keys of a factor, in the words of the sweep file. */
export const distributionSchemas = {
  uniform: range.optional(),
  'log-uniform': range.optional(),
  normal: meanSd.optional(),
  'truncated-normal': z.strictObject({ mean: finite, sd: finite, min: finite.optional(), max: finite.optional() }).optional(),
  lognormal: meanSd.describe('mean and sd of the variable itself').optional(),
  triangular: z.strictObject({ min: finite, mode: finite, max: finite }).optional(),
  discrete: z.strictObject({ values: z.array(finite).min(1), weights: z.array(finite).optional() }).optional(),
};

const factor = z.strictObject({
  parameter: name.optional().describe('a value parameter of the model (default: the factor name)'),
  driver: name.optional().describe('a driver of the model, scaled'),
  item: items.optional(),
  apply: z.enum(['set', 'scale']).optional().describe('parameters: set the value (default) or multiply it'),
  forecast: z.literal('interval').optional().describe('drivers with a forecast: draw the projected years from its prediction interval, one quantile p ~ uniform(0, 1) per run'),
  years: years.optional().describe('drivers: [first, last] year scaled, inclusive (default: every year)'),
  label: label.optional(),
  ...distributionSchemas,
  levels: z.array(finite).min(1).optional().describe('grid sampler: the values to combine'),
});

const output = z.strictObject({
  flow: z.string().min(1).optional().describe('a flow id'),
  stock: name.optional().describe('a stock name'),
  waste: z.string().min(1).optional().describe('a waste stream: a flow leaving the system or into a landfill, or a stock (its outflow)'),
  emission: z.string().min(1).optional().describe('an emission route, or total: its CO2e'),
  indicator: z.string().min(1).optional().describe('an indicator of the model'),
  measure: z.enum([...STOCK_MEASURES, ...EMISSION_MEASURES]).optional().describe('stocks: level (default), inflow or outflow; emissions: direct (default), credit or net (total only)'),
  item: items.optional(),
  record: z.union([z.enum(OUTPUT_RECORDS), z.array(z.enum(OUTPUT_RECORDS)).min(1)]).optional().describe('series (default), peak, total'),
  years: years.optional().describe('[first, last] year, inclusive'),
  label: label.optional(),
});

/** The keys a sweep has, in a file of its own or under `sweep:` in a model file. */
export const sweepShape = {
  scenario: z.string().regex(LABEL_PATTERN).optional(),
  sampler: z.enum(SAMPLERS),
  n: z.int().min(1).optional().describe('sobol: base points; morris: trajectories; monte-carlo, latin-hypercube: runs'),
  seed: z.int().min(0).optional(),
  second_order: z.boolean().optional(),
  levels: z.int().min(2).optional().describe('morris: grid levels (even)'),
  placement: z.enum(['grid', 'centred']).optional().describe('morris: levels at k/(p−1) or at stratum midpoints'),
  factors: z.record(name, factor),
  outputs: z.record(name, output),
};

export const sweepFileSchema = z.strictObject({
  $schema: z.string().optional(),
  'metabolis-sweep': z.literal(1).describe('sweep format version'),
  model: z.string().min(1).describe('the model file, relative to this file'),
  ...sweepShape,
});

export const embeddedSweepSchema = z.strictObject(sweepShape);

export type RawSweep = z.infer<typeof embeddedSweepSchema>;
export type RawFactor = z.infer<typeof factor>;
export type RawOutput = z.infer<typeof output>;
