import type { Command } from 'commander';
import { formatQuantity } from '../../viz/figure/quantity.js';
import { solutionSankeyInput } from '../../viz/adapters/index.js';
import { sankeyHasBands, sankeySvg, type SankeyFigure } from '../../viz/index.js';
import { slug } from '../output/slug.js';
import { figureFormat, writeFigure } from './figureFile.js';
import { UsageError } from '../failure.js';
import { integerFlag, numberFlag, periodFlags, widthFlag } from './flags.js';
import { openModel, requireSuccess } from './modelRuns.js';
import { middleYear } from './runFigures.js';
import { dataFolders, dataRootOption } from '../dataRoots.js';

interface SankeyFlags {
  readonly year?: string;
  readonly span?: string;
  readonly aggregate: string;
  readonly scenario?: string;
  readonly color?: string;
  readonly minFlow?: string;
  readonly scale?: string;
  readonly width?: string;
  readonly out?: string;
  readonly dpi?: string;
  readonly dataRoot?: string[];
}

export function registerSankey(program: Command): void {
  program
    .command('sankey')
    .description('draw a Sankey diagram of one year (or a span of years) of a model run as SVG, PNG or PDF')
    .argument('<model>', 'model file (.yaml, .yml or .json)')
    .option('-y, --year <year>', 'the year to draw (default: the middle year of the horizon, as run draws)')
    .option('--span <from-to>', 'a span of years instead, e.g. 2025-2035')
    .option('--aggregate <how>', 'how a span combines: sum (totals) or mean (an average year)', 'sum')
    .option('-s, --scenario <name>', 'scenario to run (default: the base model)')
    .option('--color <dimension>', "dimension whose items colour the bands (default: the flows' first; 'none' for one colour per route)")
    .option('--min-flow <value>', 'leave out flows smaller than this (mass per year); the figure says how many')
    .option('--scale <units-per-pt>', 'fixed scale, mass units per point of band width, to compare figures (each run prints its own)')
    .option('--width <width>', 'single (85 mm), double (175 mm) or a width in mm', 'double')
    .option('-o, --out <file>', 'figure file: .svg, .png or .pdf (default: <model>-sankey-<period>[-<scenario>].svg)')
    .option('--dpi <dpi>', 'PNG resolution at printed size', '300')
    .addOption(dataRootOption())
    .addHelpText(
      'after',
      '\nExamples:\n  $ metabolis sankey models/singapore/model.yaml --year 2030 --scenario zero-waste -o zero-waste-2030.png\n' +
        '  $ metabolis sankey models/singapore/model.yaml --span 2025-2035 --aggregate mean --scale 116000 -o mean.pdf\n',
    )
    .action(async (modelPath: string, flags: SankeyFlags) => {
      const asked = periodFlags(flags.year, flags.span, flags.aggregate);
      const options = {
        width: widthFlag(flags.width),
        minFlow: numberFlag('--min-flow', flags.minFlow, false),
        unitsPerPoint: numberFlag('--scale', flags.scale, true),
      };
      const dpi = integerFlag('--dpi', flags.dpi ?? '300');
      if (flags.out !== undefined) figureFormat(flags.out);
      const { definition, run } = openModel(modelPath, dataFolders(flags));
      const { start, end } = definition.time;
      for (const year of asked === undefined ? [] : 'year' in asked ? [asked.year] : [asked.from, asked.to]) {
        if (year < start || year > end) throw new UsageError(`${flags.span ? '--span' : '--year'} must lie within the model's years ${start}–${end} (got ${year})`);
      }
      const solutions = run([flags.scenario]);
      requireSuccess(solutions);
      const solution = solutions[0];
      const period = asked ?? { year: middleYear(solution.years) };
      const dimension = flags.color === 'none' ? null : flags.color;
      const input = solutionSankeyInput(solution, { period, processes: definition.processes, flows: definition.flows, dimension });
      const periodName = 'year' in period ? String(period.year) : `${period.from}-${period.to}-${period.aggregate}`;
      if (!sankeyHasBands(input, options.minFlow)) throw new UsageError(`nothing flows in ${periodName.replace(/-(sum|mean)$/, ' ($1)')}${flags.scenario ? ` of scenario ${flags.scenario}` : ''}${options.minFlow ? ` above --min-flow ${options.minFlow}` : ''}: choose another --year or --span`);
      const figure = sankeySvg(input, {
        ...options,
        ...(dimension === null ? { colorBy: 'target' as const } : {}),
      });
      const out = flags.out ?? `${slug(definition.name)}-sankey-${periodName}${flags.scenario ? `-${slug(flags.scenario)}` : ''}.svg`;
      const notes = await writeFigure(out, figure.svg, dpi);
      const defaultYear = asked === undefined ? [`year: ${periodName}, the middle of ${start}–${end} (--year or --span to choose)`] : [];
      process.stdout.write(`${[`wrote ${out}`, ...defaultYear, ...sankeyReport(figure, solution.unit), ...notes].join('\n')}\n`);
    });
}

/** What a reader of the figure should also hear on the terminal: the scale, loops, and any imbalance. */
export function sankeyReport(figure: SankeyFigure, unit: string): string[] {
  const lines = [`scale: ${Number(figure.unitsPerPoint.toPrecision(6))} ${unit} per point of band width (pass --scale to draw others alike)`];
  if (figure.backwardFlows.length > 0) lines.push(`loops drawn under the diagram: ${figure.backwardFlows.join(', ')}`);
  if (figure.hiddenFlows > 0) lines.push(`${figure.hiddenFlows} flows below --min-flow not drawn`);
  for (const { process, residual } of figure.imbalances) lines.push(`mass imbalance at ${process}: ${formatQuantity(residual, unit)} (drawn red)`);
  return lines;
}
