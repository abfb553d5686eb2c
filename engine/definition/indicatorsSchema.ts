import { z } from 'zod';

const expression = z.union([z.string().min(1), z.number()]);

/** `indicators:` — expressions over a run's results, evaluated for every year. */
export const indicatorsSchema = z
  .record(
    z.string(),
    z.union([
      z.string().min(1),
      z.strictObject({
        expression,
        unit: z.union([z.string().min(1), z.literal(1)]).optional().describe('the unit to report it in (checked against the expression)'),
        change_from: z.int().optional().describe('report the relative change from this year: value / value in that year − 1'),
        label: z.string().optional(),
      }),
    ]),
  )
  .describe('indicators: expressions over flows (by tag or id), stocks, emissions, drivers, parameters and other indicators');

const comparison = {
  at_least: z.number().optional(),
  at_most: z.number().optional(),
};

/** `targets:` — an indicator compared with a value in a year, or a shipped preset of them. */
export const targetsSchema = z
  .record(
    z.string(),
    z.union([
      z.strictObject({ indicator: z.string().min(1), year: z.int(), ...comparison, label: z.string().optional() }),
      z.strictObject({
        preset: z.enum(['c40-2030']).describe('the C40 Towards Zero Waste targets for 2030 against 2015'),
        generated: z.string().min(1).describe('the tag of the flows of municipal solid waste generated'),
        disposal: z.string().min(1).describe('the tag of the flows to landfill and incineration'),
        population: z.string().min(1).describe('the driver of the population'),
        base_year: z.int().optional().describe('default 2015'),
        year: z.int().optional().describe('default 2030'),
      }),
    ]),
  )
  .describe('targets: an indicator at least or at most a value in a year');

export type RawIndicators = z.infer<typeof indicatorsSchema>;
export type RawTargets = z.infer<typeof targetsSchema>;
