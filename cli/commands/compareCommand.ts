import type { Command } from 'commander';
import type { CompareFlags } from './compareAction.js';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('run several scenarios of a model and compare them: one table with a scenario column, targets, peaks, carbon savings')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('--scenarios <a,b,c>', 'the scenarios to compare (default: every scenario of the model)')
    .option('--baseline <name>', 'the scenario the others are compared with (default: the first)')
    .option('-o, --out <dir>', 'folder for the tables and the figure (default: results/<model name>-compare)')
    .option('--overwrite', 'replace an earlier comparison in the folder')
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 1 a mistake in the model; 2 a mistake in the command; 3 a scenario ran but its solution\nis not valid (it is named; the tables are written for inspection).\n\nExample:\n  $ metabolis compare models/singapore/model.yaml --scenarios status-quo,trend,zero-waste --out results/sg-compare\n',
    )
    .action(async (modelPath: string, flags: CompareFlags) => (await import('./compareAction.js')).compareScenarios(modelPath, flags));
}
