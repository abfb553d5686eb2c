import { z } from 'zod';
import { lifetimeSchema, modelSchema } from './schema.js';

/**
 * The JSON Schema of model files, generated from the zod schema the loader validates with, so
 * that editors and the loader can never disagree on the shape. Checks that need the whole model
 * (names that must exist, signs, years) are the loader's and are not in here.
 */
export function modelJsonSchema(): object {
  const schema = z.toJSONSchema(modelSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // A lifetime names exactly one distribution; the loader checks it, the editor can too.
      if (zodSchema === lifetimeSchema) Object.assign(jsonSchema, { minProperties: 1, maxProperties: 1 });
    },
  });
  return {
    ...schema,
    title: 'metabolis model',
    description: 'A dynamic material-flow analysis model (format version 1); see the README, section "Model language".',
  };
}
