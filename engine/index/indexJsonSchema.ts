import { z } from 'zod';
import { indexFileSchema } from './indexSchema.js';

/**
 * The JSON Schema of index files, generated from the zod schema the loader validates with (as
 * models/metabolis.schema.json is from the model schema), so editors and the loader agree.
 * Checks that need the whole file (a value for every city, sources that exist) are the loader's.
 */
export function indexJsonSchema(): object {
  const schema = z.toJSONSchema(indexFileSchema, { target: 'draft-2020-12', unrepresentable: 'throw' });
  return {
    ...schema,
    title: 'metabolis index',
    description: 'A composite index of cities (format version 1); see the README, section "Zero-waste index".',
  };
}
