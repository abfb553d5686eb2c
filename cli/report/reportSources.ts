import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { solutionConventions } from '../../viz/report/overviewSection.js';
import type { ReportInput } from '../../viz/report/report.js';
import { readRunFacts, readRunFolder } from '../figures/runFolder.js';
import { shownPath } from './shownPath.js';

type Written = Pick<ReportInput, 'written'>;

/** The SOURCES.md beside a model file, which every shipped model has. */
function modelSources(modelPath: string): ReportInput['sources'] {
  const file = join(dirname(modelPath), 'SOURCES.md');
  return existsSync(file) ? { file: shownPath(file), markdown: readFileSync(file, 'utf8') } : undefined;
}

/**
 * A model's report: every scenario it declares (the base model when it declares none), run once.
 * Emission savings count against its first scenario that changes nothing, else its first.
 */
export function modelReportInput(modelPath: string, peakTolerance: number, written: Written): ReportInput {
  const definition = loadModel(modelPath);
  const model = compile(definition);
  const scenarios = definition.scenarios;
  const runs = (scenarios.length > 0 ? scenarios.map((scenario) => scenario.name) : [undefined]).map((scenario) => run(model, { scenario }));
  const baseline = (scenarios.find((scenario) => scenario.overrides.length === 0) ?? scenarios[0])?.name;
  return {
    ...written,
    title: definition.name,
    source: `${shownPath(modelPath)}, ${scenarios.length > 0 ? 'every scenario run' : 'the base model run'}`,
    runs,
    flows: definition.flows,
    processes: definition.processes,
    conventions: solutionConventions(runs[0], peakTolerance),
    ...(baseline === undefined ? {} : { baseline }),
    sources: modelSources(modelPath),
    factorSources: definition.factorSources,
    indicators: definition.indicators,
    targets: definition.targets,
  };
}

/** The report of a results folder of `metabolis run`: its one run, from its saved tables. */
export function runFolderReportInput(folder: string, written: Written): ReportInput {
  const saved = readRunFolder(folder);
  const facts = readRunFacts(folder);
  const { factorSources, ...conventions } = facts;
  return {
    ...written,
    title: saved.model,
    source: `${shownPath(folder)}, the results of metabolis run`,
    runs: [saved],
    flows: saved.flowLabels,
    conventions,
    factorSources,
  };
}
