import type { CarbonSavings } from '../../engine/analysis/carbonSavings.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { SavingsWaterfallInput } from '../charts/savings-waterfall.js';
import { categoricalColors } from '../figure/palette.js';
import { describePeriod, rateSuffix, type Period } from '../figure/period.js';
import { emissionRoutes, gwpStatement, requireEmissionFacts, routeNamer } from './emissionFacts.js';
import { yearSpan } from './span.js';

export interface SavingsWaterfallOptions {
  /** One year, or a span summed or averaged; default the whole horizon, summed. */
  readonly period?: Period;
  /** Default: the model's name. */
  readonly title?: string;
}

/**
 * The savings of a scenario against its baseline (engine/analysis/carbonSavings.ts) over a
 * period, route by route with their scale, mix and intensity effects, between the two runs' net
 * emissions over the same period.
 */
export function savingsWaterfallInput(savings: CarbonSavings, baseline: Solution, scenario: Solution, options: SavingsWaterfallOptions = {}): SavingsWaterfallInput {
  const facts = requireEmissionFacts(baseline);
  const name = routeNamer(facts);
  const years = savings.years;
  const period = options.period ?? { from: years[0], to: years[years.length - 1], aggregate: 'sum' };
  const span = yearSpan(years, period);
  const over = (values: ArrayLike<number>) => {
    let sum = 0;
    for (let t = span.first; t <= span.last; t++) sum += values[t];
    return span.aggregate === 'mean' ? sum / (span.last - span.first + 1) : sum;
  };
  const netOf = (solution: Solution) => over(solution.derived.find((series) => series.kind === 'net-emission')!.values);
  const routes = emissionRoutes(baseline);
  const { colors } = categoricalColors(routes.length);
  return {
    title: options.title ?? baseline.model,
    unit: `${baseline.unit} CO2e${rateSuffix(period)}`,
    period: describePeriod(period),
    baseline: { name: savings.baseline, net: netOf(baseline) },
    scenario: { name: savings.scenario, net: netOf(scenario) },
    steps: savings.routes.map((route) => ({
      label: route.kind === 'credit' ? `${name(route.route)}, credits` : name(route.route),
      color: colors[routes.indexOf(route.route)],
      scale: over(route.scale),
      mix: over(route.mix),
      intensity: over(route.intensity),
    })),
    gwp: gwpStatement(facts.gwp),
  };
}
