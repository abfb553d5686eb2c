#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerRun } from './commands/runCommand.js';
import { registerSchema } from './commands/schemaCommand.js';
import { registerPlot, registerSankey } from './figures/index.js';
import { registerSweepCommands } from './sweep/registerSweepCommands.js';
import { registerValidate } from './commands/validateCommand.js';
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
    '\nExamples:\n  $ metabolis validate models/singapore/model.yaml\n  $ metabolis run models/singapore/model.yaml --scenario zero-waste --out results/zw\n  $ metabolis sankey models/singapore/model.yaml --year 2030 --scenario zero-waste -o sankey.png\n  $ metabolis plot models/singapore/model.yaml -o waste-peaks.pdf\n  $ metabolis sweep models/singapore/sweep.yaml --out results/sweep\n  $ metabolis plot results/sweep --kind sobol -o sobol.png\n  $ metabolis reconcile models/city/model.yaml --year 2019\n  $ metabolis fit models/city/model.yaml --parameters lifetime_mean,recycling_rate[paper]\n',
  );
registerValidate(program);
registerRun(program);
registerSchema(program);
registerSankey(program);
registerPlot(program);
registerSweepCommands(program);
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
