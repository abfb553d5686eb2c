import type { Command } from 'commander';
import { dataRootOption } from '../dataRoots.js';
import type { SankeyFlags } from './sankeyAction.js';

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
    .action(async (modelPath: string, flags: SankeyFlags) => (await import('./sankeyAction.js')).drawSankey(modelPath, flags));
}
