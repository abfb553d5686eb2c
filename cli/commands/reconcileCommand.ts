import type { Command } from 'commander';
import type { ReconcileFlags } from './reconcileAction.js';

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description("adjust the model's observations so that every process balances (weighted least squares), with sds, tests and a Sankey of the result")
    .argument('<model>', 'model file with an observations section')
    .option('-y, --year <year>', 'a year, or all (every year with an observation)', 'all')
    .option('-s, --scenario <name>', "scenario whose run starts the iteration and fills the model column (default: the base model)")
    .option('-o, --out <dir>', 'folder for the tables and the figure (default: results/<model name>-reconciled)')
    .option('--significance <alpha>', 'level of the global test and family-wise level of the measurement tests', '0.05')
    .option('--covariance', 'also write the covariance of the reconciled values (covariance.csv)')
    .option('--overwrite', 'replace an earlier reconciliation in the folder')
    .addHelpText(
      'after',
      '\nExit codes: 0 reconciled (a failed chi-square test is a finding, reported, not an error); 1 a mistake in the model\n' +
        'or its observations; 2 a mistake in the command; 3 some year did not converge or its constraints contradict\n' +
        'each other (status and message printed; the tables are written for inspection).\n\n' +
        'Example:\n  $ metabolis reconcile models/city/model.yaml --year 2019 --out results/city-2019\n',
    )
    .action(async (modelPath: string, flags: ReconcileFlags) => (await import('./reconcileAction.js')).reconcileObservations(modelPath, flags));
}
