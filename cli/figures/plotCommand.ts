import type { Command } from 'commander';
import { dataRootOption } from '../dataRoots.js';
import { SERIES_KINDS } from '../../viz/adapters/seriesRef.js';
import { collect } from './flags.js';
import { RUN_KINDS } from './runKinds.js';
import type { PlotFlags } from './plotAction.js';

const EXAMPLES = [
  'metabolis plot models/singapore/model.yaml --kind waste-peaks --tolerance 0.01 -o waste-peaks.png',
  'metabolis plot models/singapore/model.yaml --kind series --series landfilled --stacked -s zero-waste -o landfill.pdf',
  'metabolis plot results/singapore --kind series --series demolition_waste --by total -o demolition.svg   # a folder of metabolis run',
  'metabolis plot results/sg-sweep --output ewaste -o ewaste-fan.png                                      # a folder of metabolis sweep',
  'metabolis plot results/sg-sweep --kind sobol --output demolition_waste --statistic total -o sobol.pdf',
  'metabolis plot results/sg-morris --kind morris --output ewaste --year 2040 -o morris.svg',
  'metabolis plot results/sg-sweep --kind peak-years --output ewaste -o peak-years.png',
];

export function registerPlot(program: Command): void {
  program
    .command('plot')
    .description('plot runs over time (waste generation and its peak per scenario, any flow or stock by item) from a model or a results folder, or the uncertainty and sensitivity of a sweep folder')
    .argument('<source>', 'a model file (.yaml, .yml or .json), a results folder of metabolis run, or a complete sweep folder')
    .option('-k, --kind <kind>', `what to plot: ${RUN_KINDS.join(' or ')} (model, results folder; default waste-peaks); fan, sobol, morris or peak-years (sweep folder; default fan)`)
    .option('--series <id>', 'a flow id or stock name (waste-peaks default: all waste generated; required for series)')
    .option('--series-kind <kind>', `which series of that name: ${SERIES_KINDS.join(', ')} (default: the flow, else the stock's level, or its outflow for waste-peaks)`)
    .option('--by <dimension>', "series: one line per item of this dimension (default: the series' first; 'total' for one line)")
    .option('--stacked', 'series: stacked areas instead of lines (one scenario)')
    .option('--tolerance <share>', 'waste-peaks: mark another hump within this share of the peak as a near tie (e.g. 0.01 for 1 %; default 0)')
    .option('--output <name>', 'sweep: the output to plot (default: the first that records what the kind needs: series for fan, peak for peak-years)')
    .option('--statistic <name>', 'sobol, morris: indices of the total, peak_value, value (of a year) or peak_year (default: the first of these the output records)')
    .option('--year <year>', "sobol, morris: indices of the output's value in this year (default: its last year)")
    .option('-s, --scenario <name>', 'a scenario to include; repeat for several (waste-peaks default: every scenario; series default: the base model); a folder holds one', collect, [])
    .option('--width <width>', 'single (85 mm), double (175 mm) or a width in mm', 'single')
    .option('-o, --out <file>', 'figure file: .svg, .png or .pdf (default: <model>[-<scenario>]-<kind>[-<output>].svg)')
    .option('--dpi <dpi>', 'PNG resolution at printed size', '300')
    .addOption(dataRootOption())
    .addHelpText('after', `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}\n`).join('')}`)
    .action(async (path: string, flags: PlotFlags) => (await import('./plotAction.js')).drawPlot(path, flags));
}
