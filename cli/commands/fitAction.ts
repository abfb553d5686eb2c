import { fitParameters } from '../../engine/calibrate/fitParameters.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { ModelError } from '../../engine/errors.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';
import { checkScenario } from '../checkScenario.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { fittedFactorsText, writeFitTables } from '../output/fitTables.js';
import { formatFit } from '../output/formatFit.js';
import { replaceFolder } from '../output/replaceFolder.js';
import { slug } from '../output/slug.js';

export interface FitFlags {
  readonly parameters?: string;
  readonly scenario?: string;
  readonly out?: string;
  readonly overwrite?: boolean;
}

/** `metabolis fit <model>`: fit the parameters to the observations, write the estimates, print them. */
export async function fitModel(modelPath: string, flags: FitFlags): Promise<void> {
  const parameters = splitList(flags.parameters ?? '');
  if (parameters.length === 0) throw new UsageError('--parameters must name at least one parameter, e.g. --parameters lifetime_mean,recycling_rate[paper]');
  const definition = loadModel(modelPath);
  const model = compile(definition);
  checkScenario(model, flags.scenario);
  const observations = compileObservations(model);
  if (observations.length === 0) throw new ModelError('no observations: nothing to fit to', { file: definition.file, path: '' }, 'add an observations section (see the README, Observations)');
  const fit = fitParameters(model, observations, { parameters, scenario: flags.scenario });
  const out = flags.out ?? `results/${slug(definition.name)}-fit${flags.scenario ? `-${flags.scenario}` : ''}`;
  const written = await replaceFolder(out, flags.overwrite === true, async (folder) => writeFitTables(folder, fit, { model: definition.name, scenario: flags.scenario }));
  const factors = fit.status === 'converged' ? ['', 'as sweep factors (fitted-factors.yaml):', fittedFactorsText(fit, definition.name).trimEnd()] : [];
  process.stdout.write(`${formatFit(definition.name, fit)}\n${factors.join('\n')}\n\nwrote ${written.join(', ')}\n`);
  if (fit.status !== 'converged') process.exitCode = EXIT_RUN_FAILED;
}

/** `a,b[x, y],c` -> ['a', 'b[x, y]', 'c']: commas inside brackets belong to the item. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '[') depth++;
    if (character === ']') depth--;
    if (character === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += character;
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== '');
}
