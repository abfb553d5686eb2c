import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of model files, or of index files (for editor completion)')
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .option('--index', 'the schema of index files (metabolis index) instead of model files')
    .addHelpText('after', '\nExamples:\n  $ metabolis schema -o models/metabolis.schema.json\n  $ metabolis schema --index -o models/metabolis-index.schema.json\n')
    .action(async (flags: { output?: string; index?: boolean }) => (await import('./schemaAction.js')).printSchema(flags));
}
