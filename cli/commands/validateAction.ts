import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { formatForecasts } from '../output/formatForecasts.js';
import { dataFolders } from '../dataRoots.js';
import { compileObservations } from '../../engine/observations/compileObservations.js';

/** `metabolis validate <model>`: load and compile the model, then say what it holds. */
export function validate(modelPath: string, flags: { dataRoot?: string[] }): void {
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
}
