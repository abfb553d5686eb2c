import { z } from 'zod';
import { numberTree } from './numberTree.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * `observations:` — measured values of the model's series, each with an uncertainty. Exactly one
 * of flow, sum, tag, stock, share and concentration says what is measured (with substance: of a
 * substance in it), exactly one of values and csv gives the numbers; the loader checks both, and
 * the names, items, years and signs.
 */
const observation = z.strictObject({
  flow: z.string().min(1).optional().describe('a flow id: its mass per year'),
  sum: z.array(z.string().min(1)).min(1).optional().describe('flow ids: a reported total of several flows'),
  tag: z.string().regex(NAME).optional().describe('a tag: the total of the flows that carry it'),
  stock: z.string().regex(NAME).optional().describe('a stock: its level at the end of the year, or with measure: change its change over the year'),
  measure: z.enum(['level', 'change']).optional().describe('stocks: level (default) or change'),
  share: z.string().min(1).optional().describe('a flow id: its share of everything that leaves its source process (a transfer coefficient)'),
  concentration: z.string().min(1).optional().describe('a flow id: the mass fraction of substance in it (mg/kg, g/t, %, ppm or 1)'),
  substance: z.string().regex(NAME).optional().describe('a substance: the observation is of the substance in the flows or stock (a mass per year, a mass), or with concentration: its mass fraction'),
  item: z.union([z.string().regex(LABEL), z.record(z.string().regex(NAME), z.string().regex(LABEL))]).optional().describe('an item, or { dimension: item, … }: the observation is of those items only'),
  dims: z.array(z.string().regex(NAME)).optional().describe('one value per item of these dimensions (default: the total over all items)'),
  unit: z.union([z.string().min(1), z.literal(1)]).optional().describe("the values' unit (default: the model's mass per year for flows, its mass for stocks, a mass fraction for concentrations)"),
  values: numberTree.optional().describe('{ 2019: 120, 2020: { value: 130, sd: 6 }, 2021: { low: 110, high: 150 } }, nested under items with dims'),
  csv: z.string().min(1).optional().describe('CSV file: year, a column per dimension of dims, and value (with sd or cv) or low and high'),
  sd: z.number().optional().describe('standard deviation of every value that gives none, in the unit of the values (0: exact)'),
  cv: z.number().optional().describe('relative standard deviation of every value that gives none (0.05: 5 % of the value)'),
  label: z.string().min(1).optional(),
  source: z.string().min(1).optional().describe('where the numbers come from'),
});

export const observationsSchema = z.record(z.string().regex(LABEL), observation).describe('observations: measured values of flows, sums of flows, stocks, transfer coefficients and substances in them, with their uncertainty');

export type RawObservations = z.infer<typeof observationsSchema>;
export type RawObservation = RawObservations[string];
