import type { BoundExpression, CompiledModel } from '../compile/compiledModel.js';
import type { Gas } from '../definition/emissionTypes.js';
import type { IssueLog } from '../simulate/issueLog.js';
import { evaluateInto } from '../simulate/symbolFields.js';
import type { Workspace } from '../simulate/workspace.js';
import type { CompiledEmissions, CompiledRoute, RouteSource } from './compiledEmissions.js';
import { gwpOf, type EmissionKind, type EmissionSeries, type LandfillSeries, type SolutionEmissions } from './emissionSeries.js';
import { landfillMethane } from './landfillMethane.js';

/** Molar masses: CO2 / C = 44/12; CH4 / C = 16/12. */
const CO2_PER_C = 44 / 12;

/**
 * A run's emissions from its flows and stocks (see compiledEmissions.ts for what each route
 * computes). Factors are evaluated for every year from the run's fields, so scenarios and sweeps
 * that change a parameter change its emissions. Pure: reads the workspace, writes fresh series.
 */
export function evaluateEmissions(model: CompiledModel, emissions: CompiledEmissions, workspace: Workspace, issues: IssueLog): SolutionEmissions {
  const { horizon, years } = model;
  const dimNames = (dims: readonly number[]) => dims.map((d) => model.definition.dimensions[d].name);
  const series: EmissionSeries[] = [];
  const landfills: LandfillSeries[] = [];
  const routeMass: { route: string; values: Float64Array }[] = [];
  const addMass = (route: CompiledRoute, mass: Float64Array) => {
    const size = mass.length / horizon;
    const totals = new Float64Array(horizon);
    for (let t = 0; t < horizon; t++) for (let k = 0; k < size; k++) totals[t] += mass[t * size + k];
    routeMass.push({ route: route.id, values: totals });
  };
  const field = (bound: BoundExpression, size: number) => {
    const out = new Float64Array(horizon * size);
    evaluateInto(bound, workspace.fields, years, out, size, horizon);
    return out;
  };
  const add = (route: CompiledRoute, kind: EmissionKind, gas: Gas, dims: readonly number[], values: Float64Array) => {
    const weight = gwpOf(gas, emissions.gwp);
    const co2e = values.map((value) => value * weight);
    series.push({ route: route.id, label: route.label, kind, gas, dims: dimNames(dims), values, co2e });
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) issues.add({ status: 'non-finite', message: `emissions of route ${route.id} (${gas}) are ${values[bad]} in ${years[Math.floor(bad / (values.length / horizon))]}`, year: years[Math.floor(bad / (values.length / horizon))] });
  };

  for (const route of emissions.routes) {
    switch (route.kind) {
      case 'factor': {
        const mass = sourceMass(route.source, workspace, horizon);
        addMass(route, mass);
        const factor = field(route.factor, route.source.size);
        add(route, route.credit ? 'credit' : 'direct', route.gas, route.source.dims, mass.map((value, i) => value * factor[i]));
        break;
      }
      case 'incineration': {
        // IPCC 2006 Vol. 5, Eq. 5.1: CO2 = Σ SW · dm · CF · FCF · OF · 44/12 (fossil); the non-fossil carbon is biogenic.
        const size = route.source.size;
        const mass = sourceMass(route.source, workspace, horizon);
        addMass(route, mass);
        const [dryMatter, carbon, fossil, oxidation] = [route.dryMatter, route.carbonFraction, route.fossilFraction, route.oxidation].map((bound) => field(bound, size));
        const burnt = mass.map((value, i) => value * dryMatter[i] * carbon[i] * oxidation[i] * CO2_PER_C);
        add(route, 'direct', 'CO2_fossil', route.source.dims, burnt.map((value, i) => value * fossil[i]));
        add(route, 'direct', 'CO2_biogenic', route.source.dims, burnt.map((value, i) => value * (1 - fossil[i])));
        break;
      }
      case 'landfill': {
        const result = landfillMethane(route, workspace.stockSeries[route.stock].inflow, (bound) => field(bound, route.size), horizon);
        add(route, 'direct', 'CH4', route.dims, result.emitted);
        add(route, 'direct', 'CO2_biogenic', route.dims, result.biogenicCO2);
        if (result.credit) add(route, 'credit', 'CO2e', route.dims, result.credit);
        addMass(route, result.deposits);
        landfills.push({ route: route.id, dims: dimNames(route.dims), deposits: result.deposits, generated: result.generated, recovered: result.recovered, emitted: result.emitted });
        break;
      }
      case 'energy-credit': {
        const size = route.source.size;
        const mass = sourceMass(route.source, workspace, horizon);
        addMass(route, mass);
        const avoided = new Float64Array(horizon * size);
        for (const [energy, factor] of [[route.electricity, route.gridFactor], [route.heat, route.heatFactor]] as const) {
          if (!energy || !factor) continue;
          const perMass = field(energy, size);
          const perEnergy = field(factor, size);
          for (let i = 0; i < avoided.length; i++) avoided[i] += mass[i] * perMass[i] * perEnergy[i];
        }
        add(route, 'credit', 'CO2e', route.source.dims, avoided);
        break;
      }
    }
  }
  const { path: _path, ...gwp } = emissions.gwp;
  return { gwp, biogenicCO2: 'excluded from CO2e', series, landfills, routeMass };
}

/** The mass a route applies to: its flow, or the sum of its process's inflows. */
function sourceMass(source: RouteSource, workspace: Workspace, horizon: number): Float64Array {
  const mass = new Float64Array(horizon * source.size);
  for (const f of source.flows) {
    const values = workspace.flowValues[f];
    for (let i = 0; i < mass.length; i++) mass[i] += values[i];
  }
  return mass;
}
