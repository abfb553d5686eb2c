import type { Command } from 'commander';
import type { FitFlags } from './fitAction.js';

export function registerFit(program: Command): void {
  program
    .command('fit')
    .description("estimate value parameters by weighted least squares of the model's values against its observations")
    .argument('<model>', 'model file with an observations section')
    .requiredOption('-p, --parameters <list>', 'parameters to fit, comma-separated: name, or name[item] for one item of a per-item parameter')
    .option('-s, --scenario <name>', 'fit the model in this scenario (default: the base model)')
    .option('-o, --out <dir>', 'folder for the estimates, residuals and sweep factors (default: results/<model name>-fit)')
    .option('--overwrite', 'replace an earlier fit in the folder')
    .addHelpText(
      'after',
      '\nExit codes: 0 converged; 1 a mistake in the model or its observations; 2 a mistake in the command; 3 the fit\n' +
        'did not converge, the observations do not determine the parameters, or the model does not run at the start.\n\n' +
        'Example:\n  $ metabolis fit models/city/model.yaml --parameters "building_lifetime,recycling_rate[paper]" --out results/city-fit\n',
    )
    .action(async (modelPath: string, flags: FitFlags) => (await import('./fitAction.js')).fitModel(modelPath, flags));
}
