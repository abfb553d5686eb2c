import type { CompiledModel, CompiledStock } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import { lifetimeFromParameters, type Lifetime } from '../lifetime/lifetime.js';
import { lifetimeProblem } from '../lifetime/lifetimeProblem.js';
import { copyCohortFromCurve, copyPreviousCohortSurvival, createSurvival, setCohortSurvival, setSurvival, type Survival } from '../lifetime/survival.js';
import { CohortStock } from '../stock/cohortStock.js';
import type { IssueLog } from './issueLog.js';
import { evaluateInto } from './symbolFields.js';
import type { Workspace } from './workspace.js';

/** What the year loop steps: one cohort stock per stock and item. */
export type StockItemKernel = CohortStock;

/** Per stock with a lifetime: parameter fields, survival curves and kernels, reused across runs. */
interface StockBuffers {
  readonly parameterFields: Float64Array[];
  readonly kernels: CohortStock[];
  /** Per item: the cohort-invariant survival (Toeplitz) and, made when first needed, a cohort-varying one. */
  readonly invariant: Survival[];
  readonly varying: (Survival | undefined)[];
  /** Per item: the revision of the invariant curve last copied into the varying survival's oldest cohorts. */
  readonly copiedRevision: Int32Array;
  /** Per item: the parameters the invariant survival was last filled with, NaN before the first (skips refilling in sweeps). */
  readonly lastParameters: (Float64Array | undefined)[];
  /** Per item: the initial stock by cohort (constant after compile). */
  readonly initialStock: (Float64Array | undefined)[];
}

const buffers = new WeakMap<CompiledModel, (StockBuffers | undefined)[]>();

/**
 * Evaluates every stock's lifetime parameters for this run and resets its kernels with the
 * survival curves and initial stock. Parameters that are the same for every cohort give one
 * curve over ages (Toeplitz); otherwise each cohort gets its own, from the parameters of its year
 * (initial cohorts take the first year's). Returns undefined, with an 'invalid-lifetime' issue,
 * when a parameter set describes no distribution.
 */
export function prepareStocks(model: CompiledModel, workspace: Workspace, issues: IssueLog): StockItemKernel[][] | undefined {
  let perStock = buffers.get(model);
  if (!perStock) {
    perStock = model.stocks.map((stock) => (stock.lifetime ? createBuffers(model, stock) : undefined));
    buffers.set(model, perStock);
  }
  const { horizon, years } = model;
  const kernels: StockItemKernel[][] = [];
  for (let s = 0; s < model.stocks.length; s++) {
    const stock = model.stocks[s];
    const state = perStock[s];
    kernels.push(state?.kernels ?? []);
    if (!stock.lifetime || !state) continue;
    stock.lifetime.parameters.forEach(({ bound }, p) => evaluateInto(bound, workspace.fields, years, state.parameterFields[p], stock.size, horizon));
    let previous: Survival | undefined;
    for (let k = 0; k < stock.size; k++) {
      // An item with the same lifetime parameters in every year as the item before it (often all
      // items are alike) shares its survival; comparing with that one only keeps this linear in items.
      const survival = previous !== undefined && sameItemParameters(state.parameterFields, stock.size, k - 1, k, horizon) ? previous : itemSurvival(model, stock, state, k, issues);
      if (survival === undefined) return undefined;
      previous = survival;
      state.kernels[k].reset(survival, state.initialStock[k]);
    }
  }
  return kernels;
}

/**
 * Item k's survival for this run: the cohort-invariant curve of the first year's lifetime, or a
 * cohort-varying one when its parameters change over the years. Undefined, with the issue
 * reported, when some year's parameters describe no distribution.
 */
function itemSurvival(model: CompiledModel, stock: CompiledStock, state: StockBuffers, k: number, issues: IssueLog): Survival | undefined {
  const { horizon, years } = model;
  const convention = model.definition.survival;
  const { parameters, distribution, table } = stock.lifetime!;
  const item = () => itemLabel(stock.dims, model.definition.dimensions.map((d) => d.items), k);
  const lifetimeAt = (t: number): Lifetime => {
    const values: Record<string, number> = {};
    parameters.forEach(({ name }, p) => (values[name] = state.parameterFields[p][t * stock.size + k]));
    return lifetimeFromParameters(distribution, values, table);
  };
  // The first year's lifetime: every cohort's when parameters do not vary by cohort, and the
  // initial cohorts' when they do.
  const firstLifetime = lifetimeAt(0);
  if (reportProblem(firstLifetime, stock, years[0], item, issues)) return undefined;
  const curve = state.invariant[k];
  if (!sameParameters(state, k)) setSurvival(curve, firstLifetime, convention);
  if (isCohortInvariant(state.parameterFields, stock.size, k, horizon)) return curve;
  const survival = (state.varying[k] ??= createSurvival(horizon, initialOffsets(model, stock), true));
  // Cohorts born by year 0 take the curve; copied again only when it was refilled.
  const copyCurve = state.copiedRevision[k] !== curve.revision;
  state.copiedRevision[k] = curve.revision;
  for (let cohort = 0; cohort < survival.births.length; cohort++) {
    const t = Math.max(survival.births[cohort], 0);
    if (t === 0) {
      if (copyCurve) copyCohortFromCurve(survival, cohort, curve);
    } else if (sameYearParameters(state.parameterFields, stock.size, k, t)) {
      copyPreviousCohortSurvival(survival, cohort);
    } else {
      const lifetime = lifetimeAt(t);
      if (reportProblem(lifetime, stock, years[t], item, issues)) return undefined;
      setCohortSurvival(survival, cohort, lifetime, convention);
    }
  }
  return survival;
}

function createBuffers(model: CompiledModel, stock: CompiledStock): StockBuffers {
  const offsets = initialOffsets(model, stock);
  return {
    parameterFields: stock.lifetime!.parameters.map(() => new Float64Array(model.horizon * stock.size)),
    kernels: Array.from({ length: stock.size }, () => new CohortStock(model.horizon, offsets.length)),
    invariant: Array.from({ length: stock.size }, () => createSurvival(model.horizon, offsets)),
    varying: new Array(stock.size).fill(undefined),
    copiedRevision: new Int32Array(stock.size).fill(-1),
    lastParameters: new Array(stock.size).fill(undefined),
    initialStock: Array.from({ length: stock.size }, (_, k) => initialStock(stock, k)),
  };
}

function initialOffsets(model: CompiledModel, stock: CompiledStock): number[] {
  return stock.initialCohorts.map((year) => year - model.years[0]);
}

function initialStock(stock: CompiledStock, item: number): Float64Array | undefined {
  if (!stock.initialValues) return undefined;
  const values = new Float64Array(stock.initialCohorts.length);
  for (let c = 0; c < values.length; c++) values[c] = stock.initialValues[c * stock.size + item];
  return values;
}

function isCohortInvariant(fields: readonly Float64Array[], size: number, item: number, horizon: number): boolean {
  for (const field of fields) {
    const first = field[item];
    for (let t = 1; t < horizon; t++) if (field[t * size + item] !== first) return false;
  }
  return true;
}

/** True when items j and k have the same lifetime parameters in every year. */
function sameItemParameters(fields: readonly Float64Array[], size: number, j: number, k: number, horizon: number): boolean {
  for (const field of fields) for (let t = 0; t < horizon; t++) if (field[t * size + j] !== field[t * size + k]) return false;
  return true;
}

/** True when item k's lifetime parameters in year t are those of year t − 1. */
function sameYearParameters(fields: readonly Float64Array[], size: number, item: number, t: number): boolean {
  for (const field of fields) if (field[t * size + item] !== field[(t - 1) * size + item]) return false;
  return true;
}

/** True when item k's parameters equal those its invariant survival was last filled with; remembers them otherwise. */
function sameParameters(state: StockBuffers, item: number): boolean {
  const fields = state.parameterFields;
  const last = (state.lastParameters[item] ??= new Float64Array(fields.length).fill(NaN));
  let same = true;
  for (let p = 0; p < fields.length; p++) {
    if (last[p] !== fields[p][item]) same = false;
    last[p] = fields[p][item];
  }
  return same;
}

function reportProblem(lifetime: Lifetime, stock: CompiledStock, year: number, itemOf: () => string[], issues: IssueLog): boolean {
  const problem = lifetimeProblem(lifetime);
  if (problem === undefined) return false;
  const item = itemOf();
  issues.add({ status: 'invalid-lifetime', message: `stock ${stock.name}${item.length ? ` (${item.join(', ')})` : ''}, cohort ${year}: ${problem}`, stock: stock.name, year, item });
  return true;
}
