import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from '../../../engine/definition/jsonSchema.js';
import { modelSchema } from '../../../engine/definition/schema.js';

interface JsonSchemaObject {
  $schema: string;
  type: string;
  properties: Record<string, { additionalProperties?: { properties?: Record<string, unknown> } }>;
  required: string[];
  additionalProperties: boolean;
}

describe('modelJsonSchema()', () => {
  const schema = modelJsonSchema() as JsonSchemaObject;

  it('modelJsonSchema() is a draft 2020-12 object schema with the keys of the model format', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(Object.keys(modelSchema.shape));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['metabolis', 'name', 'time', 'unit', 'processes']);
  });

  it('modelJsonSchema() lets an editor check that a lifetime names one distribution', () => {
    const stock = schema.properties.stocks.additionalProperties!.properties!;
    expect(stock.lifetime).toMatchObject({ type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false });
    expect(Object.keys((stock.lifetime as { properties: object }).properties)).toEqual(['fixed', 'normal', 'folded-normal', 'lognormal', 'weibull', 'gamma', 'exponential', 'table']);
  });

  it('modelJsonSchema() is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
