import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { modelJsonSchema } from '../../engine/definition/jsonSchema.js';
import { indexJsonSchema } from '../../engine/index/indexJsonSchema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of model files, or of index files (for editor completion)')
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .option('--index', 'the schema of index files (metabolis index) instead of model files')
    .addHelpText('after', '\nExamples:\n  $ metabolis schema -o models/metabolis.schema.json\n  $ metabolis schema --index -o models/metabolis-index.schema.json\n')
    .action((flags: { output?: string; index?: boolean }) => {
      const text = `${JSON.stringify(flags.index ? indexJsonSchema() : modelJsonSchema(), null, 2)}\n`;
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text);
    });
}
