import { slug } from '../output/slug.js';
import type { Command } from 'commander';
import { solutionPeaks } from '../../engine/analysis/solutionPeaks.js';
import { evaluateTargets } from '../../engine/analysis/targets.js';
import { tidyTable } from '../../engine/analysis/tidyTable.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';
import { observationFit } from '../../engine/observations/observationFit.js';
import { checkScenario } from '../checkScenario.js';
import { dataFolders, dataRootOption } from '../dataRoots.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { replaceFolder } from '../output/replaceFolder.js';
import { writeRunFigures } from '../figures/index.js';
import { formatSummary } from '../output/formatSummary.js';
import { writeResults, type ResultFormat } from '../output/writeResults.js';

interface RunFlags {
  readonly scenario?: string;
  readonly out?: string;
  readonly format: string;
  readonly cohorts?: boolean;
  readonly overwrite?: boolean;
  readonly peakTolerance: string;
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
    .option('--overwrite', 'replace the results of an earlier run in the folder')
    .option('--peak-tolerance <share>', 'a second hump within this share of a peak is reported as a near tie', '0.01')
    .addOption(dataRootOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 1 a mistake in the model or its data; 2 a mistake in the command; 3 the model ran\nbut its solution is not valid (its status says why; the tables are written for inspection).\n\nExample:\n  $ metabolis run models/singapore/model.yaml --scenario zero-waste --out results/zw\n',
    )
    .action(async (modelPath: string, flags: RunFlags) => {
      if (flags.format !== 'csv' && flags.format !== 'json') throw new UsageError(`--format must be csv or json (got ${flags.format})`);
      const peakTolerance = Number(flags.peakTolerance);
      if (!(peakTolerance >= 0 && peakTolerance < 1)) throw new UsageError(`--peak-tolerance must be a share from 0 to below 1, such as 0.01 (got ${flags.peakTolerance})`);
      const definition = loadModel(modelPath, dataFolders(flags));
      const model = compile(definition);
      checkScenario(model, flags.scenario);
      const observations = compileObservations(model);
      const solution = run(model, { scenario: flags.scenario, cohorts: flags.cohorts });
      const fit = solution.status === 'success' ? observationFit(solution, observations) : [];
      const peaks = solutionPeaks(solution, { tolerance: peakTolerance });
      const targets = solution.status === 'success' ? evaluateTargets(solution, definition.targets) : [];
      const out = flags.out ?? `results/${slug(definition.name)}${flags.scenario ? `-${flags.scenario}` : ''}`;
      const figureNotes: string[] = [];
      const written = await replaceFolder(out, flags.overwrite === true, async (folder) => {
        const files = writeResults(folder, flags.format as ResultFormat, solution, tidyTable(solution), peaks, peakTolerance, definition, targets, fit);
        // A failed run's series are no solution: no figure draws them as one.
        if (solution.status === 'success') {
          const figures = await writeRunFigures(folder, definition, solution, { tolerance: peakTolerance });
          files.push(...figures.written);
          figureNotes.push(...figures.notes);
        }
        return files;
      });
      process.stdout.write(`${formatSummary(solution, peaks, targets, fit)}\n\nwrote ${written.join(', ')}\n${figureNotes.map((note) => `${note}\n`).join('')}`);
      if (solution.status !== 'success') process.exitCode = EXIT_RUN_FAILED;
    });
}

