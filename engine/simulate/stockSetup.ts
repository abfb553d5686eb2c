import type { CompiledModel, CompiledStock } from '../compile/compiledModel.js';
import { itemLabel } from '../compile/dimensionIndex.js';
import type { SurvivalConvention } from '../definition/types.js';
import { densityDiscretisationProblem } from '../lifetime/discardDensity.js';
import { lifetimeFromParameters, type Lifetime } from '../lifetime/lifetime.js';
import { lifetimeProblem } from '../lifetime/lifetimeProblem.js';
import { copyCohortFromCurve, copyPreviousCohortSurvival, createSurvival, setCohortSurvival, setSurvival, type Survival } from '../lifetime/survival.js';
import { CohortStock } from '../stock/cohortStock.js';
import { initialLifetimeFields, type InitialLifetimeFields } from './initialLifetimeFields.js';
import type { IssueLog } from './issueLog.js';
import { refreshInto } from './symbolFields.js';
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
  /** Per item: the parameters the invariant survival was last filled with, undefined before the first fill (skips refilling in sweeps). */
  readonly lastParameters: (Float64Array | undefined)[];
  /** The initial cohorts' own lifetime parameters, when the stock gives them. */
  readonly initialFields: InitialLifetimeFields | undefined;
  /** Per item: the initial cohorts' parameters their curves were last filled with, undefined before the first fill. */
  readonly lastInitialParameters: (Float64Array | undefined)[];
  /** Per item: the initial stock by cohort (constant after compile). */
  readonly initialStock: (Float64Array | undefined)[];
  /** Per item: the survival its kernel runs with, as the last setup of every item left it. */
  readonly survivals: Survival[];
  /** True when `survivals` were all set from the parameters the fields hold now. */
  prepared: boolean;
  /** True once the kernels were reset with their initial stock. */
  stocked: boolean;
}

const buffers = new WeakMap<CompiledModel, (StockBuffers | undefined)[]>();

/**
 * Evaluates every stock's lifetime parameters for this run and resets its kernels with the
 * survival curves and initial stock. Parameters that are the same for every cohort give one
 * curve over ages (Toeplitz); otherwise each cohort gets its own, from the parameters of its year.
 * Initial cohorts take their own lifetime (`initial.lifetime`) when the stock gives one, else the
 * first year's. Returns undefined, with an 'invalid-lifetime' issue, when a parameter set
 * describes no distribution (or one the stock's survival convention cannot discretise).
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
    let refreshed = false;
    for (let p = 0; p < stock.lifetime.parameters.length; p++) {
      if (refreshInto(stock.lifetime.parameters[p].bound, workspace.fields, years, state.parameterFields[p], stock.size, horizon)) refreshed = true;
    }
    if (state.initialFields?.fill(workspace.fields)) refreshed = true;
    // Parameters that no evaluation rewrote are those the survivals of the last complete setup were made from.
    if (refreshed || !state.prepared) {
      state.prepared = false;
      if (!setItemSurvivals(model, stock, state, issues)) return undefined;
      state.prepared = true;
    }
    // The initial stock is the model's, the same in every run: given to the kernels once.
    for (let k = 0; k < stock.size; k++) {
      if (state.stocked) state.kernels[k].restart(state.survivals[k]);
      else state.kernels[k].reset(state.survivals[k], state.initialStock[k]);
    }
    state.stocked = true;
  }
  return kernels;
}

/** Every item's survival into `state.survivals`; false, with the issue reported, when some item's lifetime is invalid. */
function setItemSurvivals(model: CompiledModel, stock: CompiledStock, state: StockBuffers, issues: IssueLog): boolean {
  let previous: Survival | undefined;
  for (let k = 0; k < stock.size; k++) {
    // An item with the same lifetime parameters in every year as the item before it (often all
    // items are alike) shares its survival; comparing with that one only keeps this linear in items.
    const same =
      previous !== undefined &&
      sameItemParameters(state.parameterFields, stock.size, k - 1, k, model.horizon) &&
      (state.initialFields === undefined || sameItemParameters(state.initialFields.values, stock.size, k - 1, k, stock.initialCohorts.length));
    const survival = same ? previous : itemSurvival(model, stock, state, k, issues);
    if (survival === undefined) return false;
    previous = survival;
    state.survivals[k] = survival;
  }
  return true;
}

/**
 * Item k's survival for this run: the cohort-invariant curve of the first year's lifetime, or a
 * cohort-varying one when its parameters change over the years. Undefined, with the issue
 * reported, when some year's parameters describe no distribution.
 */
function itemSurvival(model: CompiledModel, stock: CompiledStock, state: StockBuffers, k: number, issues: IssueLog): Survival | undefined {
  const { horizon, years } = model;
  const convention = stock.survival;
  const { parameters, distribution, table } = stock.lifetime!;
  const item = () => itemLabel(stock.dims, model.definition.dimensions.map((d) => d.items), k);
  const lifetimeAt = (t: number): Lifetime => {
    const values: Record<string, number> = {};
    parameters.forEach(({ name }, p) => (values[name] = state.parameterFields[p][t * stock.size + k]));
    return lifetimeFromParameters(distribution, values, table);
  };
  // The first year's lifetime: every cohort's when parameters do not vary by cohort, and the
  // initial cohorts' when they do and the stock gives the initial cohorts no lifetime of their own.
  const firstLifetime = lifetimeAt(0);
  if (reportProblem(firstLifetime, stock, years[0], item, issues)) return undefined;
  const curve = state.invariant[k];
  if (!sameParameters(state.lastParameters, state.parameterFields, k, 1, stock.size)) {
    if (reportDiscretisationProblem(firstLifetime, convention, stock, years[0], item, issues)) {
      state.lastParameters[k] = undefined;
      return undefined;
    }
    setSurvival(curve, firstLifetime, convention);
  }
  const ownInitial = state.initialFields !== undefined;
  if (!ownInitial && isCohortInvariant(state.parameterFields, stock.size, k, horizon)) return curve;
  const survival = (state.varying[k] ??= createSurvival(horizon, initialOffsets(model, stock), true));
  // Cohorts born by year 0 take the curve; copied again only when it was refilled.
  const copyCurve = state.copiedRevision[k] !== curve.revision;
  state.copiedRevision[k] = curve.revision;
  if (ownInitial && !fillInitialCohorts(stock, state, survival, k, item, issues)) return undefined;
  for (let cohort = ownInitial ? survival.initialCohorts : 0; cohort < survival.births.length; cohort++) {
    const t = Math.max(survival.births[cohort], 0);
    if (t === 0) {
      if (copyCurve) copyCohortFromCurve(survival, cohort, curve);
    } else if (sameYearParameters(state.parameterFields, stock.size, k, t)) {
      copyPreviousCohortSurvival(survival, cohort);
    } else {
      const lifetime = lifetimeAt(t);
      if (reportProblem(lifetime, stock, years[t], item, issues) || reportDiscretisationProblem(lifetime, convention, stock, years[t], item, issues)) return undefined;
      setCohortSurvival(survival, cohort, lifetime, convention);
    }
  }
  return survival;
}

/** The initial cohorts of item k by their own lifetime, refilled only when its parameters changed; false after reporting a problem. */
function fillInitialCohorts(stock: CompiledStock, state: StockBuffers, survival: Survival, k: number, item: () => string[], issues: IssueLog): boolean {
  const initial = stock.initialLifetime!;
  const fields = state.initialFields!.values;
  if (sameParameters(state.lastInitialParameters, fields, k, survival.initialCohorts, stock.size)) return true;
  for (let cohort = 0; cohort < survival.initialCohorts; cohort++) {
    const values: Record<string, number> = {};
    initial.parameters.forEach(({ name }, p) => (values[name] = fields[p][cohort * stock.size + k]));
    const lifetime = lifetimeFromParameters(initial.distribution, values, initial.table);
    const year = initial.cohortYears[cohort];
    if (reportProblem(lifetime, stock, year, item, issues) || reportDiscretisationProblem(lifetime, stock.survival, stock, year, item, issues)) {
      state.lastInitialParameters[k] = undefined;
      return false;
    }
    setCohortSurvival(survival, cohort, lifetime, stock.survival);
  }
  return true;
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
    initialFields: stock.initialLifetime && stock.initialCohorts.length > 0 ? initialLifetimeFields(model, stock, stock.initialLifetime) : undefined,
    lastInitialParameters: new Array(stock.size).fill(undefined),
    initialStock: Array.from({ length: stock.size }, (_, k) => initialStock(stock, k)),
    survivals: [],
    prepared: false,
    stocked: false,
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

/**
 * True when item k's parameters in the first `rows` rows of `fields` equal the ones `last[k]`
 * remembers; remembers them otherwise. Undefined in `last` means never filled, so a lifetime
 * without parameters (a table) is filled on the first run.
 */
function sameParameters(last: (Float64Array | undefined)[], fields: readonly Float64Array[], k: number, rows: number, size: number): boolean {
  const length = fields.length * rows;
  let remembered = last[k];
  let same = remembered !== undefined && remembered.length === length;
  if (remembered === undefined || remembered.length !== length) remembered = last[k] = new Float64Array(length);
  for (let p = 0; p < fields.length; p++) {
    for (let r = 0; r < rows; r++) {
      const value = fields[p][r * size + k];
      if (remembered[p * rows + r] !== value) {
        same = false;
        remembered[p * rows + r] = value;
      }
    }
  }
  return same;
}

function reportProblem(lifetime: Lifetime, stock: CompiledStock, year: number, itemOf: () => string[], issues: IssueLog): boolean {
  return report(lifetimeProblem(lifetime), stock, year, itemOf, issues);
}

/** The UNU convention's midpoint weights must describe the lifetime (see discardDensity.ts); checked when a curve is filled. */
function reportDiscretisationProblem(lifetime: Lifetime, convention: SurvivalConvention, stock: CompiledStock, year: number, itemOf: () => string[], issues: IssueLog): boolean {
  return convention === 'density-mid-year' && report(densityDiscretisationProblem(lifetime), stock, year, itemOf, issues);
}

function report(problem: string | undefined, stock: CompiledStock, year: number, itemOf: () => string[], issues: IssueLog): boolean {
  if (problem === undefined) return false;
  const item = itemOf();
  issues.add({ status: 'invalid-lifetime', message: `stock ${stock.name}${item.length ? ` (${item.join(', ')})` : ''}, cohort ${year}: ${problem}`, stock: stock.name, year, item });
  return true;
}
