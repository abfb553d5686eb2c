import type { Command } from 'commander';
import type { SensitivityFlags } from './sensitivityAction.js';

export function registerSensitivity(program: Command): void {
  program
    .command('sensitivity')
    .description("sensitivity indices of a sweep: Sobol' first-order and total (with bootstrap confidence intervals) or Morris μ*, σ")
    .argument('<sweep-dir>', 'a complete (or merged) sweep folder')
    .option('--output <name...>', 'outputs to analyse (default: all)')
    .option('--year <year>', "year of per-year outputs (default: the last year of each); 'all' for indices of every year")
    .option('--resamples <count>', 'bootstrap resamples for the confidence intervals (default 1000)')
    .option('--level <p>', 'confidence level (default 0.95)')
    .option('--json', 'print every index, second order included, as JSON')
    .addHelpText('after', '\nExamples:\n  $ metabolis sensitivity results/sg-sobol\n  $ metabolis sensitivity results/sg-sobol --output landfill --year 2040 --json\n')
    .action(async (folder: string, flags: SensitivityFlags) => (await import('./sensitivityAction.js')).printSensitivity(folder, flags));
}
