import type { Command } from 'commander';
import { dataRootOption } from '../dataRoots.js';
import type { RunFlags } from './runAction.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a model and write every flow, stock and waste stream per year, with peaks')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('-s, --scenario <name>', 'scenario to run (default: the base model)')
    .option('-o, --out <dir>', 'folder for the results (default: results/<model name>)')
    .option('-f, --format <format>', 'csv or json', 'csv')
    .option('--cohorts', 'also write the stocks by cohort (cohorts.csv)')
    .option('--overwrite', 'replace the results of an earlier run in the folder')
    .option('--peak-tolerance <share>', 'a second hump within this share of a peak is reported as a near tie', '0.01')
    .addOption(dataRootOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 1 a mistake in the model or its data; 2 a mistake in the command; 3 the model ran\nbut its solution is not valid (its status says why; the tables are written for inspection).\n\nExample:\n  $ metabolis run models/singapore/model.yaml --scenario zero-waste --out results/zw\n',
    )
    .action(async (modelPath: string, flags: RunFlags) => (await import('./runAction.js')).runAndWrite(modelPath, flags));
}
