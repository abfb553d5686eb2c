import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { carbonSavings, type CarbonSavings } from '../../engine/analysis/carbonSavings.js';
import { identicalRuns } from '../../engine/analysis/identicalRuns.js';
import { solutionPeaks } from '../../engine/analysis/solutionPeaks.js';
import { evaluateTargets } from '../../engine/analysis/targets.js';
import { compile } from '../../engine/compile/compileModel.js';
import { loadModel } from '../../engine/definition/loadModelFile.js';
import { run } from '../../engine/simulate/run.js';
import { checkScenario } from '../checkScenario.js';
import { EXIT_RUN_FAILED, UsageError } from '../failure.js';
import { writeFigure } from '../figures/figureFile.js';
import { comparisonInput, solutionWastePeakInput, wastePeakSeries } from '../../viz/adapters/index.js';
import { comparisonSvg, wastePeakSvg } from '../../viz/index.js';
import { writeCompareTables, type ComparedRun } from '../output/compareFiles.js';
import { formatComparison } from '../output/formatComparison.js';
import { replaceFolder } from '../output/replaceFolder.js';
import { slug } from '../output/slug.js';

export interface CompareFlags {
  readonly scenarios?: string;
  readonly baseline?: string;
  readonly out?: string;
  readonly overwrite?: boolean;
}

/** `metabolis compare <model>`: run the scenarios, write the comparison tables and figure, print the comparison. */
export async function compareScenarios(modelPath: string, flags: CompareFlags): Promise<void> {
  const definition = loadModel(modelPath);
  const model = compile(definition);
  const declared = [...model.scenarios.keys()];
  const names: (string | undefined)[] = flags.scenarios === undefined ? (declared.length > 0 ? declared : [undefined]) : flags.scenarios.split(',').map((name) => name.trim());
  for (const name of names) checkScenario(model, name);
  if (new Set(names).size !== names.length) throw new UsageError(`--scenarios lists a scenario twice (${flags.scenarios})`);
  const baseline = flags.baseline ?? names[0];
  if (flags.baseline !== undefined && !names.includes(flags.baseline)) throw new UsageError(`--baseline ${baseline} is not among the scenarios compared (${names.join(', ')})`);
  const runs: ComparedRun[] = names.map((scenario) => {
    const solution = run(model, { scenario });
    return { solution, peaks: solutionPeaks(solution, { tolerance: 0.01 }), targets: solution.status === 'success' ? evaluateTargets(solution, definition.targets) : [] };
  });
  const failed = runs.filter((entry) => entry.solution.status !== 'success');
  const reference = runs[names.indexOf(baseline)].solution;
  const savings: CarbonSavings[] =
    failed.length === 0 && reference.emissions ? runs.filter((entry) => entry.solution !== reference).map((entry) => carbonSavings(reference, entry.solution)) : [];
  const solutions = runs.map((entry) => entry.solution);
  const identical = identicalRuns(solutions);
  const out = flags.out ?? `results/${slug(definition.name)}-compare`;
  const written = await replaceFolder(out, flags.overwrite === true, async (folder) => {
    const files = writeCompareTables(folder, runs, savings);
    const summary = {
      model: definition.name,
      scenario: null,
      status: failed.length === 0 ? 'success' : failed[0].solution.status,
      kind: 'comparison',
      scenarios: names.map((name) => name ?? null),
      baseline: baseline ?? null,
      identical,
      targets: Object.fromEntries(runs.map((entry) => [entry.solution.scenario ?? '', entry.targets])),
      savings: savings.map((entry) => ({ scenario: entry.scenario, baseline: entry.baseline, cumulative: entry.cumulative, unit: entry.unit })),
    };
    const summaryPath = join(folder, 'summary.json');
    writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
    files.push(summaryPath);
    const figures: [string, string][] = [];
    if (failed.length === 0 && wastePeakSeries(runs[0].solution, undefined).length > 0) {
      figures.push(['waste-generated', wastePeakSvg(solutionWastePeakInput(solutions, { flows: definition.flows })).svg]);
    }
    // The waste generated and the indicators of every scenario side by side, no line hidden under another.
    const comparison = failed.length === 0 ? comparisonInput(solutions, { indicators: definition.indicators, targets: definition.targets, flows: definition.flows }) : undefined;
    if (comparison && comparison.panels.length > 0) figures.push(['comparison', comparisonSvg(comparison, { width: 'double' }).svg]);
    for (const [name, svg] of figures) {
      for (const format of ['svg', 'png'] as const) {
        const path = join(folder, `${name}.${format}`);
        await writeFigure(path, svg, 300);
        files.push(path);
      }
    }
    return files;
  });
  process.stdout.write(`${formatComparison(definition.name, runs, baseline, identical, savings)}\n\nwrote ${written.join(', ')}\n`);
  if (failed.length > 0) process.exitCode = EXIT_RUN_FAILED;
}
