import type { CompiledModel, CompiledOverride } from '../compile/compiledModel.js';
import { OptionsError } from '../errors.js';
import { bracketRoot } from '../numeric/bracketRoot.js';
import { run } from '../simulate/run.js';
import type { Solution } from '../simulate/solution.js';
import { evaluateTargets, type TargetResult } from './targets.js';

/** The policy varied: one value parameter (some of its items), set for every year or ramped to the value. */
export interface PolicyLever {
  readonly parameter: string;
  /** Items of the parameter varied (indices); undefined: all. */
  readonly items: readonly number[] | undefined;
  /** Ramped linearly from its value in `from` to the solved value in `to`, then held; undefined: set in every year. */
  readonly ramp: { readonly from: number; readonly to: number } | undefined;
  /** The values allowed, in the parameter's declared unit. */
  readonly range: readonly [number, number];
}

/** What one target needs of the lever. */
export interface TargetNeed {
  readonly target: string;
  /** met-throughout: every value in the range meets it; infeasible: none does; solved: it is met on one side of `value`. */
  readonly status: 'solved' | 'met-throughout' | 'infeasible' | 'run-failed';
  /** The value at which the target is just met (solved). */
  readonly value: number | undefined;
  /** The values in the range that meet it (under the monotonicity the search assumes). */
  readonly feasible: readonly [number, number] | undefined;
  /** The target's margin at the two ends of the range. */
  readonly margins: readonly [number, number];
  readonly evaluations: number;
  readonly message: string | undefined;
}

export interface PolicySolution {
  readonly lever: PolicyLever;
  /** The lever's value without the policy: the base value, the one the least change is measured from. */
  readonly baseValue: number;
  readonly needs: readonly TargetNeed[];
  /** The value closest to the base value that meets every target, or undefined when none in the range does. */
  readonly value: number | undefined;
  /** Every target at that value, from one more run: what a planner checks. */
  readonly check: readonly TargetResult[];
  readonly runs: number;
}

/**
 * The value of one policy lever that just meets each target, found by a bracketing root finder
 * (Brent's method) on whole runs: each target's margin (positive when met) is evaluated at the
 * ends of the range, and where it changes sign the root is where the target is just met. With
 * several targets, the least change from the base value that meets all: the point of the
 * intersection of their feasible sets closest to the base value, checked by a final run. The
 * search assumes each margin changes sign at most once over the range; the final check says
 * whether the answer holds. The compiled model is reused for every run.
 */
export function solveTargets(model: CompiledModel, targetNames: readonly string[], lever: PolicyLever, scenario: string | undefined, tolerance = 1e-6): PolicySolution {
  const targets = targetNames.map((name) => {
    const target = model.definition.targets.find((candidate) => candidate.name === name);
    if (!target) throw new OptionsError('targets', `must name targets of the model (got ${name}; targets: ${model.definition.targets.map((candidate) => candidate.name).join(', ')})`);
    return target;
  });
  const [low, high] = lever.range;
  if (!(low < high)) throw new OptionsError('range', `must be [low, high] with low < high (got ${low}, ${high})`);
  const { runAt, baseValue } = leverRuns(model, lever, scenario);
  const cache = new Map<number, Solution>();
  const solutionAt = (x: number) => {
    let solution = cache.get(x);
    if (!solution) cache.set(x, (solution = runAt(x)));
    return solution;
  };
  const margin = (x: number, index: number) => {
    const solution = solutionAt(x);
    return solution.status === 'success' ? evaluateTargets(solution, [targets[index]])[0].margin : NaN;
  };
  const needs = targets.map((target, index): TargetNeed => {
    const margins: [number, number] = [margin(low, index), margin(high, index)];
    const base = { target: target.name, margins, evaluations: 0 };
    if (margins.some(Number.isNaN)) {
      const failed = solutionAt(Number.isNaN(margins[0]) ? low : high);
      return { ...base, status: 'run-failed', value: undefined, feasible: undefined, message: `the run with ${lever.parameter} at ${Number.isNaN(margins[0]) ? low : high} ended with status ${failed.status} (${failed.issues[0]?.message ?? ''})` };
    }
    if (margins[0] >= 0 && margins[1] >= 0) return { ...base, status: 'met-throughout', value: undefined, feasible: [low, high], message: undefined };
    if (margins[0] < 0 && margins[1] < 0) {
      const best = margins[0] > margins[1] ? low : high;
      return { ...base, status: 'infeasible', value: undefined, feasible: undefined, message: `no value in [${low}, ${high}] meets it; it comes closest at ${best}, missing by ${-Math.max(...margins)}` };
    }
    const root = bracketRoot((x) => margin(x, index), low, high, margins[0], margins[1], tolerance * (high - low));
    // The side whose end meets the target is feasible; the root itself may miss by rounding, so step inside.
    const feasible: [number, number] = margins[1] >= 0 ? [root.fx >= 0 ? root.x : root.x + tolerance * (high - low), high] : [low, root.fx >= 0 ? root.x : root.x - tolerance * (high - low)];
    return { ...base, status: 'solved', value: root.x, feasible, evaluations: root.evaluations, message: undefined };
  });
  const sets = needs.map((need) => need.feasible);
  let value: number | undefined;
  if (sets.every((set) => set !== undefined)) {
    const from = Math.max(...sets.map((set) => set![0]));
    const to = Math.min(...sets.map((set) => set![1]));
    if (from <= to) value = Math.min(Math.max(baseValue, from), to);
  }
  const check = value === undefined ? [] : evaluateTargets(solutionAt(value), targets);
  return { lever, baseValue, needs, value, check, runs: cache.size };
}

/** Runs of the model with the lever at x: the scenario's overrides of the parameter replaced by the lever's. */
function leverRuns(model: CompiledModel, lever: PolicyLever, scenario: string | undefined): { runAt: (x: number) => Solution; baseValue: number } {
  const index = model.symbolIndex.get(lever.parameter);
  const symbol = index === undefined ? undefined : model.symbols[index];
  if (symbol === undefined || symbol.kind !== 'value') {
    throw new OptionsError('parameter', `must be a value parameter of the model (got ${lever.parameter}; value parameters: ${model.symbols.filter((candidate) => candidate.kind === 'value').map((candidate) => candidate.name).join(', ')})`);
  }
  const items = lever.items ?? Array.from({ length: symbol.size }, (_, k) => k);
  const base = scenario === undefined ? undefined : model.scenarios.get(scenario);
  const kept: CompiledOverride[] = (base?.overrides ?? []).filter((override) => override.symbol !== index);
  const name = '\u0000policy';
  const baseValue = symbol.value[symbol.value.length === 1 ? 0 : items[0]];
  // One copy of the model whose policy scenario is rewritten in place for every run, so the runs
  // share one workspace and the stocks' cached survival curves.
  const overrides: CompiledOverride[] = [...kept];
  const policy = { name, overrides };
  const copy: CompiledModel = { ...model, scenarios: new Map(model.scenarios).set(name, policy) };
  const runAt = (x: number) => {
    if (lever.ramp) {
      const toValue = new Float64Array(symbol.size).fill(NaN);
      for (const k of items) toValue[k] = x * symbol.toSI;
      overrides[kept.length] = { kind: 'ramp', symbol: index!, from: lever.ramp.from, to: lever.ramp.to, toValue };
    } else {
      const value = Float64Array.from({ length: symbol.size }, (_, k) => (symbol.value.length === 1 ? symbol.value[0] : symbol.value[k]) * symbol.toSI);
      for (const k of items) value[k] = x * symbol.toSI;
      overrides[kept.length] = { kind: 'set-parameter', symbol: index!, value };
    }
    return { ...run(copy, { scenario: name }), scenario };
  };
  return { runAt, baseValue };
}
