import { carbonSavings } from '../../engine/analysis/carbonSavings.js';
import { comparisonInput, landfillMethaneInput, landfillRoutes, savingsWaterfallInput } from '../../viz/adapters/index.js';
import { describePeriod, type Period } from '../../viz/figure/period.js';
import { formatQuantity } from '../../viz/figure/quantity.js';
import { comparisonSvg, landfillMethaneSvg, savingsWaterfallSvg, type ChartOptions } from '../../viz/index.js';
import { UsageError } from '../failure.js';
import { slug } from '../output/slug.js';
import { requireSuccess, type OpenModel } from './modelRuns.js';
import type { PlotFigure } from './plotFigure.js';
import type { ModelKind } from './runKinds.js';


export interface ModelChoice {
  /** -s as given (empty: the kind's default). */
  readonly scenarios: readonly string[];
  /** savings: the scenario saved against (default: the model's first). */
  readonly baseline: string | undefined;
  /** landfill-methane: the landfill route (default: the model's first). */
  readonly route: string | undefined;
  /** savings: one year or a span (default: the whole horizon, summed). */
  readonly period: Period | undefined;
}

/** A figure of a model's runs that only the model can give: savings against a baseline, a landfill's methane, scenarios side by side. */
export function modelFigure(kind: ModelKind, model: OpenModel, choice: ModelChoice, chart: ChartOptions): PlotFigure {
  const { definition } = model;
  const name = slug(definition.name);
  if (kind === 'comparison') {
    const solutions = model.run(choice.scenarios.length > 0 ? choice.scenarios : model.scenarios.length > 0 ? model.scenarios : [undefined]);
    requireSuccess(solutions);
    const input = comparisonInput(solutions, { indicators: definition.indicators, targets: definition.targets, flows: definition.flows });
    if (input.panels.length === 0) throw new UsageError(`--kind comparison needs waste streams or indicators of one value a year: ${definition.name} has neither`);
    const figure = comparisonSvg(input, chart);
    const notes = figure.groups.map((group) => `${group.scenarios.join(group.exact ? ' = ' : ' ≈ ')} in ${group.panel} (${group.exact ? 'the same values' : 'within a line’s width'}): drawn as one line, in dashes of their colours`);
    return { svg: figure.svg, notes, name: `${name}-comparison` };
  }
  if (definition.emissions === undefined) throw new UsageError(`--kind ${kind} needs a model with an emissions section: ${definition.name} has none`);
  if (choice.scenarios.length > 1) throw new UsageError(`--kind ${kind} draws one scenario: give -s once`);
  const [scenario] = choice.scenarios;
  if (kind === 'landfill-methane') {
    const [solution] = model.run([scenario]);
    requireSuccess([solution]);
    const landfills = landfillRoutes(solution);
    if (landfills.length === 0) throw new UsageError(`--kind landfill-methane needs a landfill route (an emission route of kind landfill): ${definition.name} has none`);
    if (choice.route !== undefined && !landfills.includes(choice.route)) throw new UsageError(`--route must name a landfill route of the model: ${landfills.join(', ')} (got ${choice.route})`);
    const route = choice.route ?? landfills[0];
    const svg = landfillMethaneSvg(landfillMethaneInput(solution, { route, routes: definition.emissions.routes }), chart).svg;
    const notes = choice.route === undefined && landfills.length > 1 ? [`route: ${route}, the model's first landfill route (--route for ${landfills.slice(1).join(', ')})`] : [];
    return { svg, notes, name: `${name}${scenario ? `-${slug(scenario)}` : ''}-landfill-methane${choice.route ? `-${slug(choice.route)}` : ''}` };
  }
  if (scenario === undefined) throw new UsageError('--kind savings needs -s <scenario>: the scenario whose savings against --baseline to draw');
  if (model.scenarios.length === 0) throw new UsageError(`--kind savings compares scenarios: ${definition.name} has none`);
  const baseline = choice.baseline ?? model.scenarios[0];
  if (baseline === scenario) throw new UsageError(`--kind savings needs a scenario other than its baseline (both ${scenario}): give --baseline or another -s`);
  const { start, end } = definition.time;
  const period = choice.period ?? { from: start, to: end, aggregate: 'sum' as const };
  for (const year of 'year' in period ? [period.year] : [period.from, period.to]) {
    if (year < start || year > end) throw new UsageError(`${'year' in period ? '--year' : '--span'} must lie within the model's years ${start}–${end} (got ${year})`);
  }
  const [base, other] = model.run([baseline, scenario]);
  requireSuccess([base, other]);
  const input = savingsWaterfallInput(carbonSavings(base, other), base, other, { period });
  const saved = input.baseline.net - input.scenario.net;
  const notes = [
    ...(choice.baseline === undefined ? [`baseline: ${baseline}, the model's first scenario (--baseline to choose)`] : []),
    `${scenario} ${saved >= 0 ? 'saves' : 'adds'} ${formatQuantity(Math.abs(saved), input.unit)} against ${baseline} (${describePeriod(period)})`,
  ];
  return { svg: savingsWaterfallSvg(input, chart).svg, notes, name: `${name}-savings-${slug(scenario)}-vs-${slug(baseline)}` };
}
