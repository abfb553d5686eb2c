import type { Command } from 'commander';
import type { ReportFlags } from './reportAction.js';

const EXAMPLES = [
  'metabolis report models/singapore/model.yaml -o singapore.html     # every scenario of the model',
  'metabolis report results/singapore                                  # a folder of metabolis run',
  'metabolis report results/sg-sweep -o sweep.html                     # a folder of metabolis sweep',
];

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write one self-contained HTML file to explore a model by year and scenario (Sankey diagram, waste peaks, emissions, tables), a results folder, or a sweep')
    .argument('<source>', 'a model file (.yaml, .yml or .json), a results folder of metabolis run, or a complete sweep folder')
    .option('-o, --out <file>', 'the HTML file (default: <model name>-report.html)')
    .option('--peak-tolerance <share>', 'model: a second hump within this share of a peak is a near tie', '0.01')
    .addHelpText('after', `\nThe file needs no network and no other file: open it in any browser, or send it.\n\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}\n`).join('')}`)
    .action(async (path: string, flags: ReportFlags) => (await import('./reportAction.js')).writeReport(path, flags));
}
