#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
// Registration is light (options and help text); each command loads what it does when it runs, so
// `--help` and `validate` do not pay for the figures, the sweep pool or Parquet.
import { registerCompare } from './commands/compareCommand.js';
import { registerIndex } from './index/indexCommand.js';
import { registerRun } from './commands/runCommand.js';
import { registerSolveTarget } from './commands/solveTargetCommand.js';
import { registerSchema } from './commands/schemaCommand.js';
import { registerPlot } from './figures/plotCommand.js';
import { registerSankey } from './figures/sankeyCommand.js';
import { registerSweepCommands } from './sweep/registerSweepCommands.js';
import { registerValidate } from './commands/validateCommand.js';
import { registerReport } from './report/reportCommand.js';
import { registerReconcile } from './commands/reconcileCommand.js';
import { registerFit } from './commands/fitCommand.js';
import { EXIT_USAGE_ERROR, reportFailure } from './failure.js';
import { version } from './version.js';

// Output piped into a reader that stops early (`metabolis --help | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('metabolis')
  .description('dynamic material-flow analysis for cities: stocks, lifetimes, recycling loops, waste peaks')
  .version(version)
  .exitOverride()
  .addHelpText(
    'after',
    '\nExamples:\n  $ metabolis validate models/singapore/model.yaml\n  $ metabolis run models/singapore/model.yaml --scenario zero-waste --out results/zw\n  $ metabolis sankey models/singapore/model.yaml --year 2030 --scenario zero-waste -o sankey.png\n  $ metabolis plot models/singapore/model.yaml -o waste-peaks.pdf\n  $ metabolis sweep models/singapore/sweep.yaml --out results/sweep\n  $ metabolis plot results/sweep --kind sobol -o sobol.png\n  $ metabolis compare models/singapore/model.yaml --out results/sg-compare\n  $ metabolis report models/singapore/model.yaml -o singapore.html\n  $ metabolis index models/zero-waste-index/index.yaml --out results/zero-waste-index\n  $ metabolis reconcile test/fixtures/observations/city/model.yaml --year 2019\n  $ metabolis fit test/fixtures/observations/city/model.yaml --parameters waste_per_capita,sorting_recovery\n',
  );
registerValidate(program);
registerRun(program);
registerCompare(program);
registerSolveTarget(program);
registerSchema(program);
registerSankey(program);
registerPlot(program);
registerSweepCommands(program);
registerIndex(program);
registerReport(program);
registerReconcile(program);
registerFit(program);
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE_ERROR;
  } else {
    process.exitCode = reportFailure(error, (text) => process.stderr.write(text));
  }
}
