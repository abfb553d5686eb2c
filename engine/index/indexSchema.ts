import { z } from 'zod';
import { LABEL_PATTERN, NAME_PATTERN } from '../definition/schema.js';
import { EMISSION_MEASURES, STOCK_MEASURES } from '../sweep/spec/sweepSpec.js';
import { AGGREGATIONS, IMPUTATIONS, NORMALISATIONS, WEIGHTINGS } from './indexMethod.js';

/**
 * The index file format, as written. Objects are strict, so a misspelt key is an error; what the
 * shape cannot say (a value for every city, weights that can be normalised, targets where
 * distance-to-target needs them) is checked by the loader, which knows the line of every path.
 *
 * A city's value is a number with its citation, `missing`, or a series of a metabolis model run
 * addressed as a sweep output is (flow, stock with measure, emission with measure). A later
 * `indicator:` key (an indicator of the model's `indicators:` section) is one more optional key
 * of `modelValue`; files written today stay valid.
 */
const name = z.string().regex(NAME_PATTERN);
const label = z.string().regex(LABEL_PATTERN);
const text = z.string().min(1);
const items = z.union([label, z.record(name, label)]).describe('an item, or { dimension: item, … }');

export const uncertaintySchema = z
  .strictObject({
    sd: z.number().optional().describe('standard deviation, in the unit of the indicator'),
    relative: z.number().optional().describe('standard deviation as a share of the value (0.1 for 10 %)'),
    min: z.number().optional().describe('with max: the value lies uniformly in [min, max]'),
    max: z.number().optional(),
  })
  .describe('the value\'s own uncertainty: normal (sd or relative) or uniform (min and max)');

const cited = {
  year: z.int().optional().describe('the year the value describes'),
  source: text.describe('a key of sources:'),
  uncertainty: uncertaintySchema.optional(),
  note: text.optional().describe('what the value is, how it was derived'),
};

const numberValue = z.strictObject({ value: z.number(), ...cited });

const modelValue = z.strictObject({
  model: text.describe('a metabolis model file, relative to the index file'),
  scenario: label.optional(),
  year: z.int().describe('the model year whose value is taken'),
  flow: text.optional().describe('a flow id'),
  stock: name.optional().describe('a stock name'),
  emission: text.optional().describe('an emission route, or total'),
  indicator: name.optional().describe('an indicator of the model (its indicators: section)'),
  measure: z.enum([...STOCK_MEASURES, ...EMISSION_MEASURES]).optional().describe('stocks: level (default), inflow or outflow; emissions: direct (default), credit or net'),
  item: items.optional(),
  per: name.optional().describe('a driver of the model to divide by (e.g. population, for a value per person)'),
  source: text.describe('a key of sources: what the model and scenario stand for'),
  uncertainty: uncertaintySchema.optional(),
  note: text.optional(),
});

const missingValue = z.strictObject({ missing: z.literal(true), note: text.optional().describe('why no source gives a value') });

// Objects first: a map with a misspelt key is then reported against the map it meant to be.
export const cityValueSchema = z.union([numberValue, modelValue, missingValue, z.literal('missing')]);

const indicator = z.strictObject({
  label: text.optional(),
  unit: text.describe('the unit of the values, e.g. kg/person/yr or %'),
  direction: z.enum(['higher', 'lower']).describe('which values are better'),
  weight: z.number().optional().describe('within its dimension (default: equal)'),
  target: z.number().optional().describe('the value aimed at, for distance-to-target normalisation'),
  imputation: z.enum(IMPUTATIONS).optional().describe('for missing values (default: method.imputation)'),
  definition: text.optional().describe('what is measured, and how the cities\' definitions differ'),
  values: z.record(label, cityValueSchema).describe('city -> value'),
});

const dimension = z.strictObject({
  label: text.optional(),
  weight: z.number().optional().describe('of the dimension (default: equal)'),
  indicators: z.record(name, indicator),
});

const city = z.strictObject({ label: text.optional(), country: text.optional() });

const source = z.strictObject({
  citation: text,
  url: text.optional(),
  licence: text.optional(),
  read: text.optional().describe('where the numbers were read, when not in the cited document itself'),
});

export const methodSchema = z.strictObject({
  normalisation: z.enum(NORMALISATIONS).optional(),
  aggregation: z.enum(AGGREGATIONS).optional(),
  weights: z.enum(WEIGHTINGS).optional(),
  imputation: z.enum(IMPUTATIONS).optional(),
  dimension_weights: z.record(name, z.number()).optional().describe('dimension -> weight, in place of the dimensions\' own (e.g. an expert panel\'s, kept apart from the data)'),
});

const choices = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.array(z.enum(values)).min(1)]);

export const uncertaintyAnalysisSchema = z.strictObject({
  samples: z.int().min(2).optional().describe('N, base points of the Saltelli design (runs: N × (factors + 2)); a power of 2'),
  seed: z.int().min(0).optional(),
  normalisations: choices(NORMALISATIONS).optional().describe('drawn with equal probability'),
  aggregations: choices(AGGREGATIONS).optional(),
  imputations: choices(IMPUTATIONS).optional().describe('for indicators with missing values'),
  weights: z.number().min(0).max(1).optional().describe('each weight drawn uniformly within ± this share of itself (default 0.25)'),
  values: z.boolean().optional().describe('draw each value within its own uncertainty (default true)'),
  resamples: z.int().min(0).optional().describe('bootstrap resamples for the Sobol\' intervals (default 200)'),
});

export const indexFileSchema = z.strictObject({
  $schema: z.string().optional(),
  'metabolis-index': z.literal(1).describe('index format version'),
  name: text,
  description: text.optional(),
  cities: z.record(label, city),
  dimensions: z.record(name, dimension),
  sources: z.record(label, source),
  method: methodSchema.optional(),
  uncertainty: uncertaintyAnalysisSchema.optional(),
});

export type RawIndex = z.infer<typeof indexFileSchema>;
export type RawIndicator = z.infer<typeof indicator>;
export type RawCityValue = z.infer<typeof cityValueSchema>;
export type RawModelValue = z.infer<typeof modelValue>;
export type RawUncertainty = z.infer<typeof uncertaintySchema>;
