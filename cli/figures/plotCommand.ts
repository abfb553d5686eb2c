import type { Command } from 'commander';
import { dataRootOption } from '../dataRoots.js';
import { SERIES_KINDS } from '../../viz/adapters/seriesRef.js';
import { collect } from './flags.js';
import { MODEL_KINDS, RUN_KINDS } from './runKinds.js';
import type { PlotFlags } from './plotAction.js';

const EXAMPLES = [
  'metabolis plot models/singapore/model.yaml --kind waste-peaks --tolerance 0.01 -o waste-peaks.png',
  'metabolis plot models/singapore/model.yaml --kind series --series landfilled --stacked -s zero-waste -o landfill.pdf',
  'metabolis plot results/singapore --kind series --series demolition_waste --by total -o demolition.svg   # a folder of metabolis run',
  'metabolis plot test/fixtures/carbon/model.yaml --kind emissions -s zero-waste -o emissions.png          # a model with emissions',
  'metabolis plot test/fixtures/carbon/model.yaml --kind savings --baseline status-quo -s zero-waste --span 2025-2050 -o savings.png',
  'metabolis plot test/fixtures/carbon/model.yaml --kind landfill-methane -s zero-waste -o methane.png',
  'metabolis plot models/singapore/model.yaml --kind comparison --width double -o comparison.png',
  'metabolis plot results/sg-sweep --output ewaste -o ewaste-fan.png                                      # a folder of metabolis sweep',
  'metabolis plot results/sg-sweep --kind sobol --output demolition_waste --statistic total -o sobol.pdf',
  'metabolis plot results/sg-morris --kind morris --output ewaste --year 2040 -o morris.svg',
  'metabolis plot results/sg-sweep --kind peak-years --output ewaste -o peak-years.png',
];

export function registerPlot(program: Command): void {
  program
    .command('plot')
    .description(
      'plot runs over time (waste generation and its peak per scenario, any flow or stock by item, emissions by route) from a model or a results folder; savings against a baseline, landfill methane and scenarios side by side from a model; the uncertainty and sensitivity of a sweep folder',
    )
    .argument('<source>', 'a model file (.yaml, .yml or .json), a results folder of metabolis run, or a complete sweep folder')
    .option(
      '-k, --kind <kind>',
      `what to plot: ${RUN_KINDS.join(', ')} (model, results folder; default waste-peaks); ${MODEL_KINDS.join(', ')} (model); fan, sobol, morris or peak-years (sweep folder; default fan)`,
    )
    .option('--series <id>', 'a flow id or stock name (waste-peaks default: all waste generated; required for series)')
    .option('--series-kind <kind>', `which series of that name: ${SERIES_KINDS.join(', ')} (default: the flow, else the stock's level, or its outflow for waste-peaks)`)
    .option('--by <dimension>', "series: one line per item of this dimension (default: the series' first; 'total' for one line)")
    .option('--stacked', 'series: stacked areas instead of lines (one scenario)')
    .option('--tolerance <share>', 'waste-peaks: mark another hump within this share of the peak as a near tie (e.g. 0.01 for 1 %; default 0)')
    .option('--output <name>', 'sweep: the output to plot (default: the first that records what the kind needs: series for fan, peak for peak-years)')
    .option('--statistic <name>', 'sobol, morris: indices of the total, peak_value, value (of a year) or peak_year (default: the first of these the output records)')
    .option('--year <year>', "sobol, morris: indices of the output's value in this year (default: its last year); savings: the saving of this year")
    .option('--span <from-to>', 'savings: the saving over a span of years, e.g. 2025-2050 (default: the whole horizon)')
    .option('--aggregate <how>', 'savings: how a span combines: sum (the default) or mean (an average year)')
    .option('--baseline <name>', "savings: the scenario saved against (default: the model's first)")
    .option('--route <name>', "landfill-methane: the landfill route (default: the model's first)")
    .option(
      '-s, --scenario <name>',
      'a scenario to include; repeat for several (waste-peaks, comparison default: every scenario; series, emissions, landfill-methane default: the base model; savings: the one saved); a folder holds one',
      collect,
      [],
    )
    .option('--width <width>', 'single (85 mm), double (175 mm) or a width in mm', 'single')
    .option('-o, --out <file>', 'figure file: .svg, .png or .pdf (default: <model>[-<scenario>]-<kind>[-<output>].svg)')
    .option('--dpi <dpi>', 'PNG resolution at printed size', '300')
    .addOption(dataRootOption())
    .addHelpText('after', `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}\n`).join('')}`)
    .action(async (path: string, flags: PlotFlags) => (await import('./plotAction.js')).drawPlot(path, flags));
}
