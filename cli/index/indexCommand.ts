import type { Command } from 'commander';
import { dataRootOption } from '../dataRoots.js';
import { AGGREGATIONS, IMPUTATIONS, NORMALISATIONS, WEIGHTINGS } from '../../engine/index/indexMethod.js';
import type { IndexFlags } from './indexAction.js';

export function registerIndex(program: Command): void {
  program
    .command('index')
    .description('compute a composite index of cities, its ranks, and how sure each rank is')
    .argument('<file>', 'index file (.yaml, .yml or .json)')
    .option('-o, --out <dir>', 'folder for the tables and figures (default: results/<index name>)')
    .option('--normalisation <name>', `${NORMALISATIONS.join(' | ')} (default: the file's, else min-max)`)
    .option('--aggregation <name>', `${AGGREGATIONS.join(' | ')} (default: the file's, else arithmetic)`)
    .option('--weights <scheme>', `${WEIGHTINGS.join(' | ')} (default: the file's, else nested)`)
    .option('--imputation <rule>', `for missing values: ${IMPUTATIONS.join(' | ')} (default: the file's, else none)`)
    .option('--samples <N>', 'base points of the Saltelli design of the uncertainty analysis (default: the file\'s, else 256)')
    .option('--seed <S>', 'seed of the uncertainty analysis (default: the file\'s, else 1)')
    .option('--threads <T>', 'worker threads for the uncertainty analysis (1 runs it in this thread)', '1')
    .option('--no-uncertainty', 'skip the uncertainty and sensitivity analysis')
    .option('--overwrite', 'replace the results of an earlier run in the folder')
    .addOption(dataRootOption())
    .addHelpText(
      'after',
      '\nWrites scores.csv (per city, overall and per dimension), indicators.csv, compensation.csv (arithmetic vs\n' +
        'geometric), rank_uncertainty.csv, rank_probability.csv, sensitivity.csv (Sobol\' indices of each city\'s\n' +
        'rank and score to each choice), summary.json and the figures scores-by-dimension and rank-uncertainty.\n\n' +
        'Exit codes: 0 success; 1 a mistake in the index file or a model it names; 2 a mistake in the command.\n\n' +
        'Example:\n  $ metabolis index models/zero-waste-index/index.yaml --out results/zero-waste-index\n' +
        '  $ metabolis index models/zero-waste-index/index.yaml --aggregation geometric --samples 1024 --seed 7\n',
    )
    .action(async (file: string, flags: IndexFlags) => (await import('./indexAction.js')).indexCities(file, flags));
}
