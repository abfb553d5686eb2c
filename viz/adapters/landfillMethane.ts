import { totalOverItems } from '../../engine/analysis/peaks.js';
import type { EmissionRouteDefinition } from '../../engine/definition/emissionTypes.js';
import { OptionsError, nearestNames } from '../../engine/errors.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { LandfillMethaneInput } from '../charts/landfill-methane.js';
import { categoricalColors } from '../figure/palette.js';
import { emissionRoutes, gwpStatement, requireEmissionFacts, routeNamer } from './emissionFacts.js';

export interface LandfillMethaneOptions {
  /** The landfill route to draw; default the model's first. */
  readonly route?: string;
  /** The model's emission routes as defined, for what recovered gas is used for and the deposits before the horizon. */
  readonly routes?: readonly EmissionRouteDefinition[];
  /** Default: the model's name. */
  readonly title?: string;
}

/** The landfill routes of a run, in the model's order. */
export function landfillRoutes(solution: Solution): string[] {
  return solution.emissions?.landfills.map((landfill) => landfill.route) ?? [];
}

/** One landfill of a run: its deposits and the methane they generate, summed over items, for the landfill-methane chart. */
export function landfillMethaneInput(solution: Solution, options: LandfillMethaneOptions = {}): LandfillMethaneInput {
  const facts = requireEmissionFacts(solution);
  const landfills = solution.emissions!.landfills;
  if (landfills.length === 0) throw new OptionsError('route', `must name a landfill route: ${solution.model} has none (an emission route of kind landfill)`);
  const route = options.route ?? landfills[0].route;
  const landfill = landfills.find((candidate) => candidate.route === route);
  if (landfill === undefined) {
    const names = landfills.map((candidate) => candidate.route);
    throw new OptionsError('route', `must name a landfill route: unknown landfill route: ${route} (did you mean ${nearestNames(route, names).map((name) => `'${name}'`).join(', ')}?)`);
  }
  const horizon = solution.years.length;
  const total = (values: Float64Array) => totalOverItems(values, values.length / horizon);
  const routes = emissionRoutes(solution);
  const definition = options.routes?.find((candidate) => candidate.id === route);
  const landfillDefinition = definition?.kind === 'landfill' ? definition : undefined;
  const start = solution.years[0];
  const history = landfillDefinition?.history;
  const notes = [
    ...(landfillDefinition === undefined
      ? []
      : [history ? `Deposits of ${history.years[0]}–${history.years[history.years.length - 1]} (before the horizon) decay into it.` : `No deposits before ${start} are given: the methane starts from what is deposited from ${start} on.`]),
    `Methane by IPCC first-order decay, in tonnes of CH4; in CO2e by ${gwpStatement(facts.gwp)}, ×${facts.gwp.CH4}.`,
  ];
  return {
    title: options.title ?? solution.model,
    unit: solution.unit,
    years: solution.years,
    scenario: solution.scenario ?? 'base model',
    route: routeNamer(facts)(route),
    color: categoricalColors(routes.length).colors[routes.indexOf(route)],
    deposits: total(landfill.deposits),
    generated: total(landfill.generated),
    recovered: total(landfill.recovered),
    emitted: total(landfill.emitted),
    ...(landfillDefinition?.recovery === undefined ? {} : { recoveryUse: landfillDefinition.recoveryUse }),
    notes,
  };
}
