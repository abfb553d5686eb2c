import { OptionsError } from '../errors.js';
import type { Survival } from '../lifetime/survival.js';
import { modelCohortsOutflowBlock, OUTFLOW_BLOCK } from './blockedCohortsOutflow.js';
import { createSimdOutflowBlock, type SimdOutflowBlock } from './simdOutflowBlock.js';
import { initialCohortsOutflow, initialCohortsOutflowSeries, modelCohortsOutflow } from './olderCohortsOutflow.js';

/**
 * From this horizon on, the older cohorts' outflow is summed six years at a time
 * (blockedCohortsOutflow.ts), which adds in another order: shorter runs keep the one-year sums,
 * and with them their results to the bit.
 */
export const BLOCKED_HORIZON = 200;

/** What `meetTarget` did in a year of a stock-driven stock. */
export type TargetOutcome =
  /** The inflow that meets the target was found (it may be 0). */
  | 'met'
  /** The inflow would have been negative: it is 0 and older cohorts were retired pro rata. */
  | 'corrected'
  /** The inflow is negative (correction is off); the target is met. */
  | 'negative-inflow'
  /** No finite inflow meets the target (sf(t, t) = 0 or nearly), or the target is negative; the inflow is 0. */
  | 'unreachable';

/**
 * The dynamic stock model of one stock (and one dimension item), stepped year by year, because the
 * inflow of year t may only be known once that year's transfer system is solved, and that system
 * needs the stock's outflow of year t. Allocated once, `reset` for every run; no step allocates.
 *
 * Notation (see Survival for the cohort and year numbering): sf(t, k) the share of cohort k in
 * stock at the end of year t; s_k(t) the stock of cohort k at the end of year t. Each cohort is
 * kept as a weight w_k with s_k(t) = w_k · sf(t, k):
 * - a model cohort starts with w = i(c), its inflow (ODYM: s_c(t, c) = i(c) · sf(t, c));
 * - an initial cohort with stock s0_k at the end of year −1 starts with w = s0_k / sf(−1, k), so
 *   that it leaves by the conditional survival sf(t, k) / sf(−1, k) (ODYM back-computes the
 *   historic inflow the same way). If sf(−1, k) = 0 (or so small that w overflows) the cohort
 *   could not have survived to the start: it leaves entirely in year 0 (w = 0), so no mass is lost;
 * - negative-inflow correction in year t multiplies w_k of every cohort older than t by 1 − δ,
 *   which carries the retirement into all later years.
 *
 * Year t, for the cohorts older than t (k < n0 + t):
 *   outflow  O(t) = Σ_k w_k · (sf(t − 1, k) − sf(t, k))        (t = 0: Σ_k s0_k − w_k · sf(0, k))
 *   stock    S(t) = stock(t − 1) − O(t)
 * (summed in olderCohortsOutflow.ts) and this year's cohort adds i(t) · sf(t, t) to the stock and i(t) · (1 − sf(t, t)) to the
 * outflow. The outflow is summed per cohort, as ODYM does, so a small outflow from a large stock
 * keeps its relative accuracy; the stock follows from the balance, so inflow − outflow − stock
 * change is zero up to one rounding every year.
 */
export class CohortStock {
  readonly horizon: number;
  readonly initialCohorts: number;
  private survival: Survival | undefined;
  private readonly weights: Float64Array;
  /** The model cohorts' part of `weights`: the weight of the cohort born in year c at c. */
  private readonly modelWeights: Float64Array;
  private readonly initialWeights: Float64Array;
  private readonly initialStock: Float64Array;
  private readonly stocks: Float64Array;
  private readonly inflows: Float64Array;
  private readonly outflows: Float64Array;
  /** δ(t): the share of the older cohorts' stock retired by negative-inflow correction in year t. */
  private readonly retiredShares: Float64Array;
  private initialTotal = 0;
  /** True when the initial stock changed since the initial cohorts' weights were worked out. */
  private initialStockChanged = false;
  /** What the initial cohorts lose in year 0, at their starting weights. */
  private firstYearOutflow = 0;
  /** What the initial cohorts lose each year at their starting weights, and what it was computed from. */
  private readonly initialOutflows: Float64Array;
  private readonly summedWeights: Float64Array;
  private summedSurvival: Survival | undefined;
  private summedRevision = -1;
  /** The share of the initial cohorts' weights that negative-inflow corrections have left. */
  private initialRetained = 1;
  /** The next year to complete; years 0 … completedYears − 1 are done. */
  private nextYear = 0;
  private preparedYear = -1;
  private olderStock = 0;
  private olderOutflow = 0;
  /** sf(t, t) of the prepared year t. */
  private ownShare = 0;
  /** True while every model cohort's weight is ±0 (an item nothing flows into): its older cohorts then lose exactly 0. */
  private modelWeightsZero = true;
  private readonly blocked: boolean;
  /** The WebAssembly SIMD kernel of a long run (it holds the weights), where the runtime has one. */
  private readonly simd: SimdOutflowBlock | undefined;
  /** The survival, and its revision, whose leaving shares the SIMD kernel holds. */
  private copiedSurvival: Survival | undefined;
  private copiedRevision = -1;
  /** For the block of years blockStart … blockStart + 5: what the cohorts older than blockStart lose in each. */
  private readonly blockSums = new Float64Array(OUTFLOW_BLOCK);
  private blockStart = -1;

  constructor(horizon: number, initialCohorts = 0) {
    if (!Number.isInteger(horizon) || horizon < 1) throw new OptionsError('horizon', `must be a positive integer (got ${horizon})`);
    if (!Number.isInteger(initialCohorts) || initialCohorts < 0) {
      throw new OptionsError('initialCohorts', `must be a non-negative integer (got ${initialCohorts})`);
    }
    this.horizon = horizon;
    this.initialCohorts = initialCohorts;
    this.initialWeights = new Float64Array(initialCohorts);
    this.initialStock = new Float64Array(initialCohorts);
    this.stocks = new Float64Array(horizon);
    this.inflows = new Float64Array(horizon);
    this.outflows = new Float64Array(horizon);
    this.retiredShares = new Float64Array(horizon);
    this.initialOutflows = new Float64Array(horizon);
    this.summedWeights = new Float64Array(initialCohorts);
    this.blocked = horizon >= BLOCKED_HORIZON;
    this.simd = this.blocked ? createSimdOutflowBlock(horizon, initialCohorts) : undefined;
    this.weights = this.simd?.weights ?? new Float64Array(initialCohorts + horizon);
    this.modelWeights = this.weights.subarray(initialCohorts);
  }

  /** Starts a run: `initialStockByCohort[k]` is initial cohort k's stock at the end of year −1 (zeros when left out). */
  reset(survival: Survival, initialStockByCohort?: ArrayLike<number>): void {
    this.checkShape(survival);
    if (initialStockByCohort !== undefined && initialStockByCohort.length !== this.initialCohorts) {
      throw new OptionsError('initialStock', `must have one value per initial cohort, ${this.initialCohorts} (got ${initialStockByCohort.length})`);
    }
    if (!this.sameInitialStock(initialStockByCohort)) {
      for (let k = 0; k < this.initialCohorts; k++) this.initialStock[k] = initialStockByCohort === undefined ? 0 : initialStockByCohort[k];
      this.initialStockChanged = true;
    }
    this.restart(survival);
  }

  /**
   * Starts a run with the initial stock of the last reset (zeros before the first): for a caller
   * whose initial stock stays the same, it spares comparing it cohort by cohort.
   */
  restart(survival: Survival): void {
    this.checkShape(survival);
    this.survival = survival;
    this.weights.fill(0, this.initialCohorts);
    this.retiredShares.fill(0);
    this.initialRetained = 1;
    this.modelWeightsZero = true;
    // The initial cohorts' weights, total and outflow series follow from the survival's initial
    // part and the initial stock: worked out again only when one of them changed (a sweep that
    // varies other things, or the lifetime of model cohorts only, keeps them).
    if (survival !== this.summedSurvival || survival.initialRevision !== this.summedRevision || this.initialStockChanged) {
      this.initialTotal = 0;
      for (let k = 0; k < this.initialCohorts; k++) {
        const stock = this.initialStock[k];
        const survivingShare = survival.values[survival.column[k] - 1];
        const weight = stock / survivingShare;
        this.initialWeights[k] = survivingShare > 0 && Number.isFinite(weight) ? weight : 0;
        this.initialTotal += stock;
      }
      this.firstYearOutflow = initialCohortsOutflow(survival, this.initialWeights, this.initialStock);
      if (survival !== this.summedSurvival || survival.initialRevision !== this.summedRevision || !sameValues(this.summedWeights, this.initialWeights)) {
        initialCohortsOutflowSeries(survival, this.initialWeights, this.initialOutflows);
        this.summedSurvival = survival;
        this.summedRevision = survival.initialRevision;
        this.summedWeights.set(this.initialWeights);
      }
      this.initialStockChanged = false;
    }
    this.weights.set(this.initialWeights);
    this.nextYear = 0;
    this.preparedYear = -1;
    this.blockStart = -1;
  }

  private checkShape(survival: Survival): void {
    if (survival.horizon !== this.horizon || survival.initialCohorts !== this.initialCohorts) {
      throw new OptionsError(
        'survival',
        `must cover ${this.horizon} years and ${this.initialCohorts} initial cohorts (got ${survival.horizon} and ${survival.initialCohorts})`,
      );
    }
  }

  /** What the cohorts older than year t (initial cohorts included) lose in year t, plus what retireProRata retired in it. */
  outflowFromOlderCohorts(year: number): number {
    this.prepare(year);
    return this.olderOutflow;
  }

  /** Σ s_k(t) over the cohorts older than year t: what remains of them at the end of year t. */
  stockOfOlderCohorts(year: number): number {
    this.prepare(year);
    return this.olderStock;
  }

  /** sf(t, t): the share of this year's inflow still in stock at its end. */
  ownYearSurvival(year: number): number {
    this.prepare(year);
    return this.ownShare;
  }

  /** Records year t's inflow as its cohort and completes the year; returns the stock at its end. */
  addCohort(year: number, inflow: number): number {
    this.prepare(year);
    const ownSurvival = this.ownShare;
    this.weights[this.initialCohorts + year] = inflow;
    if (inflow !== 0) this.modelWeightsZero = false;
    this.inflows[year] = inflow;
    const stock = this.olderStock + inflow * ownSurvival;
    this.stocks[year] = stock;
    this.outflows[year] = this.olderOutflow + inflow * (1 - ownSurvival);
    this.nextYear = year + 1;
    return stock;
  }

  /**
   * Negative-inflow correction: every cohort older than t gives up the same share
   * δ = amount / stockOfOlderCohorts(t) (at most all of it) of its stock in year t, which adds to
   * year t's outflow and lowers the cohorts in all later years. Returns the mass retired.
   */
  retireProRata(year: number, amount: number): number {
    this.prepare(year);
    if (!(amount > 0 && this.olderStock > 0)) return 0;
    const share = Math.min(1, amount / this.olderStock);
    const kept = 1 - share;
    const older = this.initialCohorts + year;
    for (let k = 0; k < older; k++) this.weights[k] *= kept;
    this.initialRetained *= kept;
    const retired = share * this.olderStock;
    this.olderStock -= retired;
    this.olderOutflow += retired;
    this.retiredShares[year] = 1 - (1 - this.retiredShares[year]) * kept;
    // The block's later years summed cohorts that were all older than this year: they keep as much.
    const offset = year - this.blockStart;
    if (this.blockStart >= 0 && offset < OUTFLOW_BLOCK) for (let j = offset + 1; j < OUTFLOW_BLOCK; j++) this.blockSums[j] *= kept;
    return retired;
  }

  /**
   * Stock-driven year: the inflow i(t) = (target − stockOfOlderCohorts(t)) / sf(t, t) that brings
   * the stock to `target` at the end of year t, recorded with addCohort. A negative i(t) is kept,
   * or with `correctNegativeInflow` replaced by 0 and retireProRata (as ODYM's
   * NegativeInflowCorrect). When sf(t, t) = 0, or so small that the inflow would overflow, the
   * inflow is 0 (as in ODYM for sf(t, t) = 0) and the target is missed: 'unreachable'.
   */
  meetTarget(year: number, target: number, correctNegativeInflow: boolean): TargetOutcome {
    this.prepare(year);
    const gap = target - this.olderStock;
    const ownSurvival = this.ownShare;
    if (gap < 0 && correctNegativeInflow) {
      this.retireProRata(year, -gap);
      this.addCohort(year, 0);
      return target >= 0 ? 'corrected' : 'unreachable';
    }
    const inflow = gap / ownSurvival;
    // A NaN target passes through as a NaN inflow, for the caller's non-finite check.
    if (Number.isFinite(inflow) || Number.isNaN(gap)) {
      this.addCohort(year, inflow);
      return gap < 0 ? 'negative-inflow' : 'met';
    }
    this.addCohort(year, 0);
    return gap === 0 ? 'met' : 'unreachable';
  }

  /** Number of years completed since reset. */
  get completedYears(): number {
    return this.nextYear;
  }

  stock(year: number): number {
    return this.stocks[this.completed(year)];
  }

  inflow(year: number): number {
    return this.inflows[this.completed(year)];
  }

  outflow(year: number): number {
    return this.outflows[this.completed(year)];
  }

  /**
   * Writes s_k(t) for every cohort k (initial cohorts first; cohorts after t are 0) to
   * out[offset + k · stride]. A cohort born in year b has lost the shares δ(m) of the corrections
   * in years b < m ≤ t, so walking from the youngest cohort to the oldest accumulates them in order.
   */
  stockByCohort(year: number, out: Float64Array, offset = 0, stride = 1): void {
    this.completed(year);
    const survival = this.survival!;
    const cohorts = this.initialCohorts + this.horizon;
    for (let k = this.initialCohorts + year + 1; k < cohorts; k++) out[offset + k * stride] = 0;
    let retained = 1;
    let correctionYear = year;
    for (let k = this.initialCohorts + year; k >= 0; k--) {
      const birth = survival.births[k];
      while (correctionYear > birth && correctionYear >= 0) retained *= 1 - this.retiredShares[correctionYear--];
      const original = k < this.initialCohorts ? this.initialWeights[k] : this.inflows[k - this.initialCohorts];
      out[offset + k * stride] = original * survival.values[survival.column[k] + year] * retained;
    }
  }

  private completed(year: number): number {
    if (!(year >= 0 && year < this.nextYear)) {
      throw new OptionsError('year', `must be a completed year, 0 to ${this.nextYear - 1} (got ${year})`);
    }
    return year;
  }

  /** Sums the older cohorts' outflow for year t once; later calls in the same year reuse it. */
  private prepare(year: number): void {
    if (year === this.preparedYear) return;
    const survival = this.survival;
    if (survival === undefined) throw new OptionsError('survival', 'must be given to reset() before the first year');
    if (year !== this.nextYear) throw new OptionsError('year', `must be stepped in order: expected ${this.nextYear} (got ${year})`);
    // Every correction scales all older cohorts alike, so the initial cohorts' outflow is their
    // precomputed series times the share the corrections left.
    const outflow =
      year === 0
        ? this.firstYearOutflow
        : this.modelOutflow(survival, year) + this.initialRetained * this.initialOutflows[year];
    this.olderOutflow = outflow;
    this.olderStock = (year === 0 ? this.initialTotal : this.stocks[year - 1]) - outflow;
    this.ownShare = survival.values[survival.column[this.initialCohorts + year] + year];
    this.preparedYear = year;
  }

  /**
   * What the model cohorts older than year t lose in it. In a long run, the first year of each block
   * of six sums the cohorts older than it for all six years, and every year adds the cohorts born
   * since the block began (up to five). The last block ends with the last year, so it may start
   * inside the one before; it is summed when its years are reached, from the weights as they are
   * then (corrections since only scaled them, as they scale the sums, see retireProRata).
   */
  private modelOutflow(survival: Survival, year: number): number {
    // Each term would be ±0 times a finite leaving share, and a sum of zeros from +0 is +0.
    if (this.modelWeightsZero) return 0;
    if (!this.blocked) return modelCohortsOutflow(survival, this.modelWeights, year);
    const start = Math.min(year - (year % OUTFLOW_BLOCK), this.horizon - OUTFLOW_BLOCK);
    if (start !== this.blockStart) {
      this.sumBlock(survival, start);
      this.blockStart = start;
    }
    const { leaving, column } = survival;
    let outflow = this.blockSums[year - start];
    for (let k = this.initialCohorts + start; k < this.initialCohorts + year; k++) outflow += this.weights[k] * leaving[column[k] + year];
    return outflow;
  }

  private sumBlock(survival: Survival, start: number): void {
    if (this.simd === undefined || survival.cohortVarying) {
      modelCohortsOutflowBlock(survival, this.weights, start, this.blockSums);
      return;
    }
    if (survival !== this.copiedSurvival || survival.revision !== this.copiedRevision) {
      this.simd.copyLeaving(survival.leaving);
      this.copiedSurvival = survival;
      this.copiedRevision = survival.revision;
    }
    this.simd.sum(start, this.blockSums);
  }

  /** True when the initial stock given (zeros when left out) is, to the bit, the one of the last reset. */
  private sameInitialStock(initialStockByCohort: ArrayLike<number> | undefined): boolean {
    for (let k = 0; k < this.initialCohorts; k++) {
      const stock = initialStockByCohort === undefined ? 0 : initialStockByCohort[k];
      if (!Object.is(stock, this.initialStock[k])) return false;
    }
    return true;
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
