import type { Command } from 'commander';
import { dataRootOption } from '../dataRoots.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a model: syntax, names, units, shares, expressions and data files')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .addOption(dataRootOption())
    .addHelpText('after', '\nExample:\n  $ metabolis validate models/singapore/model.yaml\n')
    .action(async (modelPath: string, flags: { dataRoot?: string[] }) => (await import('./validateAction.js')).validate(modelPath, flags));
}
