import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { modelJsonSchema } from '../../engine/definition/jsonSchema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of model files (for editor completion)')
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .addHelpText('after', '\nExample:\n  $ metabolis schema -o models/metabolis.schema.json\n')
    .action((flags: { output?: string }) => {
      const text = `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text);
    });
}
