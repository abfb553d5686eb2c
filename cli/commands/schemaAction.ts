import { writeFileSync } from 'node:fs';
import { modelJsonSchema } from '../../engine/definition/jsonSchema.js';
import { indexJsonSchema } from '../../engine/index/indexJsonSchema.js';

/** `metabolis schema`: print or write the JSON Schema of model or index files. */
export function printSchema(flags: { output?: string; index?: boolean }): void {
  const text = `${JSON.stringify(flags.index ? indexJsonSchema() : modelJsonSchema(), null, 2)}\n`;
  if (flags.output) writeFileSync(flags.output, text);
  else process.stdout.write(text);
}
