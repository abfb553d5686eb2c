import { totalOverItems } from '../../engine/analysis/peaks.js';
import { TOTAL_ROUTE } from '../../engine/carbon/emissionCatalog.js';
import type { Solution } from '../../engine/simulate/solution.js';
import type { EmissionRoute, EmissionsInput } from '../charts/emissions.js';
import { biogenicNote, emissionRoutes, gwpStatement, requireEmissionFacts, routeNamer } from './emissionFacts.js';
import type { SavedRun } from './tableRun.js';

export interface SolutionEmissionsOptions {
  /** Default: the model's name. */
  readonly title?: string;
}

/**
 * A run's emissions by route for the emissions chart, from its derived series (the CO2e each route
 * emits and avoids, summed over items, and the net): the same from a Solution and from the tidy
 * table a results folder holds.
 */
export function solutionEmissionsInput(run: Solution | SavedRun, options: SolutionEmissionsOptions = {}): EmissionsInput {
  const facts = requireEmissionFacts(run);
  const name = routeNamer(facts);
  const horizon = run.years.length;
  const series = (kind: 'emission' | 'credit' | 'net-emission', id: string) => {
    const found = run.derived.find((candidate) => candidate.kind === kind && candidate.id === id);
    return found && totalOverItems(found.values, found.values.length / horizon);
  };
  const routes = emissionRoutes(run).map((id): EmissionRoute => {
    const [direct, credit] = [series('emission', id), series('credit', id)];
    return { label: name(id), ...(direct ? { direct } : {}), ...(credit ? { credit } : {}) };
  });
  const net = run.derived.find((candidate) => candidate.kind === 'net-emission')!;
  return {
    title: options.title ?? run.model,
    unit: net.unit,
    years: run.years,
    // Every figure states its scenario; a run without one is the base model.
    scenario: run.scenario ?? 'base model',
    routes,
    net: net.values,
    gwp: gwpStatement(facts.gwp),
    notes: [biogenicNote(facts)],
  };
}
