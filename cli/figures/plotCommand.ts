import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { TidyKind } from '../../engine/analysis/tidyTable.js';
import { SERIES_KINDS, solutionTimeSeriesInput, solutionWastePeakInput, wastePeakSeries } from '../../viz/adapters/index.js';
import { timeSeriesSvg, wastePeakSvg } from '../../viz/index.js';
import { UsageError } from '../failure.js';
import { slug } from '../output/slug.js';
import { figureFormat, writeFigure } from './figureFile.js';
import { collect, integerFlag, widthFlag } from './flags.js';
import { openModel, statusWarnings } from './modelRuns.js';

interface PlotFlags {
  readonly kind: string;
  readonly series?: string;
  readonly seriesKind?: string;
  readonly by?: string;
  readonly stacked?: boolean;
  readonly scenario: readonly string[];
  readonly width?: string;
  readonly out?: string;
  readonly dpi: string;
}

const KINDS = ['waste-peaks', 'series'] as const;

export function registerPlot(program: Command): void {
  program
    .command('plot')
    .description('plot a model run over time: waste generation with its peak per scenario, or any flow or stock by dimension item')
    .argument('<model>', 'model file (.yaml, .yml or .json); run and sweep folders are not read yet (sweep figures come with the sweep commands)')
    .option('-k, --kind <kind>', `what to plot: ${KINDS.join(' or ')}`, 'waste-peaks')
    .option('--series <id>', 'a flow id or stock name (waste-peaks default: all waste generated; required for series)')
    .option('--series-kind <kind>', `which series of that name: ${SERIES_KINDS.join(', ')} (default: the flow, else the stock's level, or its outflow for waste-peaks)`)
    .option('--by <dimension>', "series: one line per item of this dimension (default: the series' first; 'total' for one line)")
    .option('--stacked', 'series: stacked areas instead of lines (one scenario)')
    .option('-s, --scenario <name>', 'a scenario to include; repeat for several (waste-peaks default: every scenario; series default: the base model)', collect, [])
    .option('--width <width>', 'single (85 mm), double (175 mm) or a width in mm', 'single')
    .option('-o, --out <file>', 'figure file: .svg, .png or .pdf (default: <model>-<kind>.svg)')
    .option('--dpi <dpi>', 'PNG resolution at printed size', '300')
    .addHelpText(
      'after',
      '\nExamples:\n  $ metabolis plot models/singapore/model.yaml --kind waste-peaks -o waste-peaks.png\n' +
        '  $ metabolis plot models/singapore/model.yaml --kind series --series landfilled --stacked -s zero-waste -o landfill.pdf\n',
    )
    .action(async (modelPath: string, flags: PlotFlags) => {
      if (!(KINDS as readonly string[]).includes(flags.kind)) throw new UsageError(`--kind must be ${KINDS.join(' or ')} (got ${flags.kind})`);
      if (existsSync(modelPath) && statSync(modelPath).isDirectory()) {
        const what = existsSync(join(modelPath, 'manifest.json')) ? 'a sweep folder' : 'a folder';
        throw new UsageError(`${modelPath} is ${what}: plot reads a model file for now (plots of run and sweep folders are not available yet)`);
      }
      if (flags.seriesKind !== undefined && !(SERIES_KINDS as readonly string[]).includes(flags.seriesKind)) {
        throw new UsageError(`--series-kind must be one of ${SERIES_KINDS.join(', ')} (got ${flags.seriesKind})`);
      }
      if (flags.kind === 'series' && flags.series === undefined) throw new UsageError('--kind series needs --series <flow id or stock name>');
      const series = flags.series === undefined ? undefined : { id: flags.series, ...(flags.seriesKind ? { kind: flags.seriesKind as TidyKind } : {}) };
      const width = widthFlag(flags.width);
      const dpi = integerFlag('--dpi', flags.dpi);
      if (flags.out !== undefined) figureFormat(flags.out);

      const model = openModel(modelPath);
      const everyScenario = flags.kind === 'waste-peaks' && model.scenarios.length > 0 ? model.scenarios : [undefined];
      const solutions = model.run(flags.scenario.length > 0 ? flags.scenario : everyScenario);
      const notes = statusWarnings(solutions);
      let svg: string;
      if (flags.kind === 'waste-peaks') {
        const figure = wastePeakSvg(solutionWastePeakInput(solutions, { series }), { width });
        svg = figure.svg;
        if (!series) notes.push(`waste generated: the sum of ${wastePeakSeries(solutions[0], undefined).map((part) => (part.kind === 'flow' ? part.id : `${part.id} (${part.kind})`)).join(', ')}`);
      } else {
        const by = flags.by === 'total' ? null : flags.by;
        svg = timeSeriesSvg(solutionTimeSeriesInput(solutions, { series: series!, by }), { width, mode: flags.stacked ? 'stacked' : 'lines' }).svg;
      }
      const out = flags.out ?? `${slug(model.definition.name)}-${flags.kind}.svg`;
      notes.push(...(await writeFigure(out, svg, dpi)));
      process.stdout.write(`${[`wrote ${out}`, ...notes].join('\n')}\n`);
    });
}
