import type { Command } from 'commander';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { formatForecasts } from '../output/formatForecasts.js';
import { dataFolders, dataRootOption } from '../dataRoots.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a model: syntax, names, units, shares, expressions and data files')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .addOption(dataRootOption())
    .addHelpText('after', '\nExample:\n  $ metabolis validate models/singapore/model.yaml\n')
    .action((modelPath: string, flags: { dataRoot?: string[] }) => {
      const definition = loadModel(modelPath, dataFolders(flags));
      const model = compile(definition);
      const observations = compileObservations(model);
      const { start, end } = definition.time;
      process.stdout.write(
        `${modelPath}: valid — ${definition.name}, ${start}–${end}, ${model.processes.length} processes, ` +
          `${model.flows.length} flows, ${model.stocks.length} stocks, ${model.scenarios.size} scenarios${observations.length > 0 ? `, ${observations.length} observations` : ''}\n`,
      );
      const forecasts = formatForecasts(definition);
      if (forecasts.length > 0) process.stdout.write(`${forecasts.join('\n')}\n`);
    });
}
