import { z } from 'zod';
import { numberTree } from './numberTree.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const librariesSchema = z
  .record(
    z.string().regex(NAME),
    z.strictObject({
      library: z.string().min(1).describe('a factor library shipped in models/factors, e.g. ipcc-2006-waste'),
      tables: z.array(z.string().regex(NAME)).min(1).describe('the tables to take; each becomes the parameter <prefix>_<table>'),
      items: z
        .record(z.string(), z.union([z.string(), z.strictObject({ from: z.string(), map: z.record(z.string(), z.string()) })]))
        .optional()
        .describe('per library dimension: one item (climate: tropical_wet), or a map from a model dimension ({ from: stream, map: { food: food } })'),
      fill: z.record(z.string(), numberTree).optional().describe('per table, values for model items the library gives none for (plastics have no DOC)'),
    }),
  )
  .describe('factor libraries whose tables become parameters');

export type RawLibraries = z.infer<typeof librariesSchema>;
