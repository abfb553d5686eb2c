import { join } from 'node:path';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';
import { observedYears, reconcileModel, type ModelReconciliation } from '../../engine/observations/reconcileModel.js';
import type { ReconcileStatus } from '../../engine/reconcile/index.js';
import { run } from '../../engine/simulate/run.js';
import type { CompiledModel } from '../../engine/compile/compiledModel.js';
import { reconciledSankeyInput } from '../../viz/adapters/index.js';
import { sankeySvg } from '../../viz/index.js';
import { checkScenario } from '../checkScenario.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { writeFigure } from '../figures/figureFile.js';
import { formatReconciliation } from '../output/formatReconciliation.js';
import { writeReconcileTables } from '../output/reconcileTables.js';
import { replaceFolder } from '../output/replaceFolder.js';
import { slug } from '../output/slug.js';

export interface ReconcileFlags {
  readonly year: string;
  readonly scenario?: string;
  readonly out?: string;
  readonly significance: string;
  readonly covariance?: boolean;
  readonly overwrite?: boolean;
}

/** `metabolis reconcile <model>`: reconcile the observations of the chosen years, write the tables and a Sankey, print the tests. */
export async function reconcileObservations(modelPath: string, flags: ReconcileFlags): Promise<void> {
  const significance = Number(flags.significance);
  if (!(significance > 0 && significance < 1)) throw new UsageError(`--significance must be a number between 0 and 1, such as 0.05 (got ${flags.significance})`);
  const definition = loadModel(modelPath);
  const model = compile(definition);
  checkScenario(model, flags.scenario);
  const observations = compileObservations(model);
  if (observations.length === 0) throw new ModelError('no observations: nothing to reconcile', { file: definition.file, path: '' }, 'add an observations section (see the README, Observations)');
  const years = chosenYears(model, observedYears(model, observations), flags.year);
  const initial = run(model, { scenario: flags.scenario });
  const reconciliation = reconcileModel(model, observations, { years, significance, initial: initial.status === 'success' ? initial : undefined });
  const status = worstStatus(reconciliation);
  const figureYear = reconciliation.system.problems.filter((_, p) => reconciliation.results[p].status === 'converged').at(-1)?.year;
  const out = flags.out ?? `results/${slug(definition.name)}-reconciled${flags.scenario ? `-${flags.scenario}` : ''}`;
  const sankey = figureYear === undefined ? undefined : reconciledSankeyInput(model, reconciliation, { year: figureYear, processes: definition.processes, flows: definition.flows });
  const drawn = sankey !== undefined && sankey.flows.length > 0;
  const written = await replaceFolder(out, flags.overwrite === true, async (folder) => {
    const files = writeReconcileTables(folder, reconciliation, { model: definition.name, scenario: flags.scenario, significance, status }, flags.covariance === true);
    if (drawn) {
      const figure = sankeySvg(sankey, { colorBy: 'target' });
      for (const name of ['sankey.svg', 'sankey.png']) {
        await writeFigure(join(folder, name), figure.svg, undefined);
        files.push(join(folder, name));
      }
    }
    return files;
  });
  const figureNote =
    figureYear === undefined
      ? ['no figure: no year converged']
      : !drawn
        ? [`no figure: the data determine no flow in ${figureYear} (see reconciled.csv)`]
        : years.length > 1
          ? [`sankey: ${figureYear}, the last year that converged (--year to draw another)`]
          : [];
  process.stdout.write(`${formatReconciliation(definition.name, reconciliation, significance)}\n\n${[...figureNote, `wrote ${written.join(', ')}`].join('\n')}\n`);
  if (status !== 'converged') process.exitCode = EXIT_RUN_FAILED;
}

/** `all` (the observed years), or one year of the horizon that has observations. */
function chosenYears(model: CompiledModel, observed: readonly number[], flag: string): number[] {
  if (flag === 'all') return [...observed];
  const year = Number(flag);
  const { start, end } = model.definition.time;
  if (!Number.isInteger(year) || year < start || year > end) throw new UsageError(`--year must be all or a year of the model, ${start}–${end} (got ${flag})`);
  if (!observed.includes(year)) throw new UsageError(`--year ${year} has no observations: nothing to reconcile (observed years: ${observed.join(', ')})`);
  return [year];
}

function worstStatus(reconciliation: ModelReconciliation): ReconcileStatus {
  const statuses = reconciliation.results.map((result) => result.status);
  return statuses.includes('inconsistent') ? 'inconsistent' : statuses.includes('not-converged') ? 'not-converged' : 'converged';
}
