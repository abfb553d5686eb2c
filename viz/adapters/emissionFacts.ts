import { TOTAL_ROUTE } from '../../engine/carbon/emissionCatalog.js';
import type { GwpDefinition } from '../../engine/definition/emissionTypes.js';
import { OptionsError } from '../../engine/errors.js';
import type { Solution } from '../../engine/simulate/solution.js';
import { displayName } from './displayName.js';
import type { RunSeries } from './runSeries.js';

/** What a figure of a run's emissions states beside the numbers: how CO2e is weighed, and the routes' names. */
export interface EmissionFacts {
  readonly gwp: Pick<GwpDefinition, 'name' | 'CH4' | 'CH4_fossil' | 'N2O'>;
  /** The biogenic-CO2 convention: "excluded from CO2e". */
  readonly biogenicCO2: string;
  /** The labels the model gives its emission routes (a route without one is named from its id). */
  readonly routeLabels: readonly { readonly id: string; readonly label: string }[];
}

/** A run's emission facts: a Solution's own, or those a saved run recorded (undefined: it has no emissions). */
export function emissionFacts(run: Solution | (RunSeries & { readonly emissionFacts?: EmissionFacts | undefined })): EmissionFacts | undefined {
  if (!('emissions' in run)) return run.emissionFacts;
  if (run.emissions === undefined) return undefined;
  const labels = new Map(run.emissions.series.flatMap((series) => (series.label === undefined ? [] : [[series.route, series.label] as const])));
  return { gwp: run.emissions.gwp, biogenicCO2: run.emissions.biogenicCO2, routeLabels: [...labels].map(([id, label]) => ({ id, label })) };
}

/** The facts of a run that must have emissions for the figure asked for. */
export function requireEmissionFacts(run: Parameters<typeof emissionFacts>[0]): EmissionFacts {
  const facts = emissionFacts(run);
  if (facts === undefined) throw new OptionsError('solution', `must have emissions: ${run.model} has no emissions section (or the saved run does not record its emissions)`);
  return facts;
}

/** "GWP100 AR5", or the weights a model gives itself. */
export function gwpStatement(gwp: EmissionFacts['gwp']): string {
  if (gwp.name !== 'given') return `GWP100 ${gwp.name}`;
  const fossil = gwp.CH4_fossil === gwp.CH4 ? '' : `, fossil CH4 ${gwp.CH4_fossil}`;
  return `GWP100 as given (CH4 ${gwp.CH4}${fossil}, N2O ${gwp.N2O})`;
}

/** The sentence every emissions figure carries about biogenic CO2. */
export function biogenicNote(facts: EmissionFacts): string {
  const counted = facts.biogenicCO2 === 'excluded from CO2e' ? 'reported apart and not counted in CO2e (the IPCC inventory convention)' : facts.biogenicCO2;
  return `Biogenic CO2 is ${counted}.`;
}

/** The emission routes of a run in the model's order (which gives each its colour), from its derived series. */
export function emissionRoutes(run: Pick<RunSeries, 'derived'>): string[] {
  const routes = run.derived.filter((series) => (series.kind === 'emission' || series.kind === 'credit') && series.id !== TOTAL_ROUTE).map((series) => series.id);
  return [...new Set(routes)];
}

/** How figures name a route: its label where the model gives one, otherwise a name made from the id. */
export function routeNamer(facts: EmissionFacts): (id: string) => string {
  const labels = new Map(facts.routeLabels.map(({ id, label }) => [id, label]));
  return (id) => labels.get(id) ?? displayName(id);
}
