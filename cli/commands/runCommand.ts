import { slug } from '../output/slug.js';
import type { Command } from 'commander';
import { solutionPeaks } from '../../engine/analysis/solutionPeaks.js';
import { tidyTable } from '../../engine/analysis/tidyTable.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { checkScenario } from '../checkScenario.js';
import { dataFolders, dataRootOption } from '../dataRoots.js';
import { UsageError } from '../failure.js';
import { writeRunFigures } from '../figures/index.js';
import { formatSummary } from '../output/formatSummary.js';
import { writeResults, type ResultFormat } from '../output/writeResults.js';

interface RunFlags {
  readonly scenario?: string;
  readonly out?: string;
  readonly format: string;
  readonly cohorts?: boolean;
  readonly dataRoot?: string[];
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a model and write every flow, stock and waste stream per year, with peaks')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('-s, --scenario <name>', 'scenario to run (default: the base model)')
    .option('-o, --out <dir>', 'folder for the results (default: results/<model name>)')
    .option('-f, --format <format>', 'csv or json', 'csv')
    .option('--cohorts', 'also write the stocks by cohort (cohorts.csv)')
    .addOption(dataRootOption())
    .addHelpText('after', '\nExample:\n  $ metabolis run models/singapore/model.yaml --scenario zero-waste --out results/zw\n')
    .action(async (modelPath: string, flags: RunFlags) => {
      if (flags.format !== 'csv' && flags.format !== 'json') throw new UsageError(`--format must be csv or json (got ${flags.format})`);
      const definition = loadModel(modelPath, dataFolders(flags));
      const model = compile(definition);
      checkScenario(model, flags.scenario);
      const solution = run(model, { scenario: flags.scenario, cohorts: flags.cohorts });
      const peaks = solutionPeaks(solution);
      const out = flags.out ?? `results/${slug(definition.name)}${flags.scenario ? `-${flags.scenario}` : ''}`;
      const written = writeResults(out, flags.format as ResultFormat, solution, tidyTable(solution), peaks);
      written.push(...(await writeRunFigures(out, definition, solution)));
      process.stdout.write(`${formatSummary(solution, peaks)}\n\nwrote ${written.join(', ')}\n`);
    });
}

