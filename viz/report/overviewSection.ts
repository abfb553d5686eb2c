import { explainStatus } from '../../engine/analysis/statusReport.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { RunSeries } from '../adapters/runSeries.js';
import type { ReportSection } from './figureBlock.js';
import { factList, h, text } from './html.js';

/** What a run's results were computed with, as summary.json states it. */
export interface ReportConventions {
  /** The model's survival convention (undefined where a saved run did not record it). */
  readonly survival: string | undefined;
  /** Stocks with a survival convention of their own. */
  readonly stockSurvival: Readonly<Record<string, string>>;
  /** A second hump within this share of a peak is a near tie. */
  readonly peakTolerance: number;
  /** For a model with emissions: the GWP100 set and how biogenic CO2 counts. */
  readonly emissions?: { readonly gwp: { readonly name: string; readonly CH4: number; readonly CH4_fossil: number; readonly N2O: number; readonly source: string }; readonly biogenicCO2: string };
}

/** The conventions a Solution states. */
export function solutionConventions(solution: Solution, peakTolerance: number): ReportConventions {
  const stockSurvival = Object.fromEntries(solution.stocks.flatMap((stock) => (stock.survival === undefined || stock.survival === solution.survival ? [] : [[stock.name, stock.survival]])));
  const emissions = solution.emissions && { gwp: solution.emissions.gwp, biogenicCO2: solution.emissions.biogenicCO2 };
  return { survival: solution.survival, stockSurvival, peakTolerance, ...(emissions ? { emissions } : {}) };
}

export interface OverviewFacts {
  readonly source: string;
  readonly written: string;
  readonly conventions: ReportConventions | undefined;
  /** What the report leaves out, and why. */
  readonly notes: readonly string[];
}

/** What a run that did not succeed went through, and what to do: a Solution explains itself, a saved run lists its issues. */
function failureHtml(run: RunSeries | Solution): string {
  const name = run.scenario ?? 'base model';
  const explanations = 'balance' in run ? explainStatus(run) : [{ status: run.status, findings: run.issues.map((issue) => issue.message), hint: undefined }];
  return h(
    'div',
    { class: 'alert', role: 'note' },
    h('strong', {}, text(`The run of ${name} ended with status ${run.status}: it is no valid solution, and no figure draws it (its tables are kept for inspection).`)),
    ...explanations.map(({ findings, hint }) => h('ul', {}, ...findings.map((finding) => h('li', {}, text(finding))), ...(hint ? [h('li', {}, text(`What to do: ${hint}`))] : []))),
  );
}

/** The model, its horizon, units, dimensions and runs, and the conventions its results follow. */
export function overviewSection(runs: readonly RunSeries[], facts: OverviewFacts): ReportSection {
  const { years, unit, dimensions } = runs[0];
  const conventions = facts.conventions;
  const stockSurvival = Object.entries(conventions?.stockSurvival ?? {}).map(([stock, survival]) => `${stock}: ${survival}`);
  const gwp = conventions?.emissions?.gwp;
  const entries: [string, string][] = [
    ['Source', text(facts.source)],
    ['Horizon', text(`${years[0]}–${years[years.length - 1]} (${years.length} years; a stock is its level at the end of a year, a flow the mass moved during it)`)],
    ['Unit', text(`${unit} (flows in ${unit} per year)`)],
    ...(dimensions.length > 0 ? [['Dimensions', dimensions.map((dimension) => text(`${dimension.name}: ${dimension.items.join(', ')}`)).join(h('br'))] as [string, string]] : []),
    ['Runs', text(runs.map((run) => `${run.scenario ?? 'base model'} (${run.status})`).join(', '))],
  ];
  if (conventions?.survival) entries.push(['Survival', text(`${conventions.survival}${stockSurvival.length > 0 ? `; stocks with their own: ${stockSurvival.join(', ')}` : ''}`)]);
  if (conventions) {
    const tolerance = Number((conventions.peakTolerance * 100).toPrecision(3));
    entries.push(['Peaks', text(`the largest value within the horizon, ties to the earliest year; a maximum in the first or last year is censored, not a peak; another hump within ${tolerance} % of a peak is a near tie`)]);
  }
  if (gwp) entries.push(['Emissions', text(`GWP100 ${gwp.name} (CH4 ${gwp.CH4}, fossil CH4 ${gwp.CH4_fossil}, N2O ${gwp.N2O}; ${gwp.source}); biogenic CO2 ${conventions!.emissions!.biogenicCO2}`)]);
  entries.push(['Written', text(facts.written)]);
  const failed = runs.filter((run) => run.status !== 'success');
  return { id: 'overview', title: 'Overview', html: factList(entries) + failed.map(failureHtml).join('') + facts.notes.map((note) => h('p', { class: 'note' }, text(note))).join('') };
}
